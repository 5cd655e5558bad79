#pragma once

#include "widgets/databases/databaselistmodel.h"

#include <QWidget>

class QAction;
class QTreeView;

namespace retort {

// The databases pane: the project's connection profiles, each with where its database
// stands, and actions to add, edit, remove and re-read them. It only asks: the
// application owns the profiles and does every read off the GUI thread.
class DatabasesView : public QWidget
{
    Q_OBJECT

public:
    explicit DatabasesView(QWidget* parent = nullptr);

    DatabaseListModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    // The selected profile's name, or an empty string.
    QString currentProfile() const;
    void setCurrentProfile(const QString& name);

    QAction* addProfileAction() const { return m_add; }
    QAction* editAction() const { return m_edit; }
    QAction* removeAction() const { return m_remove; }
    QAction* refreshAction() const { return m_refresh; }

signals:
    void addRequested();
    void editRequested(const QString& name);
    void removeRequested(const QString& name);
    void refreshRequested(const QString& name); // empty name: every profile
    void compareRequested(const QString& name); // Compare With…: this profile as A
    void currentProfileChanged(const QString& name);

private:
    void updateActions();

    DatabaseListModel* m_model = nullptr;
    QTreeView* m_view = nullptr;
    QAction* m_add = nullptr;
    QAction* m_edit = nullptr;
    QAction* m_remove = nullptr;
    QAction* m_refresh = nullptr;
    QAction* m_compare = nullptr;
};

} // namespace retort
