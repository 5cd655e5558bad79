#pragma once

#include "widgets/environments/environmentlistmodel.h"

#include <QWidget>

class QAction;
class QPlainTextEdit;
class QTreeView;

namespace retort {

// The Environments view: every profile of the project in one table — where its database
// stands, how many revisions it has pending, the heads it lacks, when it was last read and
// its last drift check — with Refresh All and Check Drift. The selected profile's drift is
// spelled out beside the table. It only asks: the application reads and checks off the GUI
// thread and hands the rows in.
class EnvironmentsView : public QWidget
{
    Q_OBJECT

public:
    explicit EnvironmentsView(QWidget* parent = nullptr);

    EnvironmentListModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    QPlainTextEdit* detailsView() const { return m_details; }
    void setRows(QList<EnvironmentRow> rows);

    // The selected profile's name, or "".
    QString currentProfile() const;
    void setCurrentProfile(const QString& name);

    QAction* refreshAllAction() const { return m_refreshAll; }
    QAction* refreshAction() const { return m_refresh; }
    QAction* checkDriftAction() const { return m_checkDrift; }
    // Compare… on a profile's context menu: hidden until something answers compareRequested
    // (setCompareAvailable(true)).
    QAction* compareAction() const { return m_compare; }
    void setCompareAvailable(bool available);

signals:
    void refreshRequested(const QString& name); // empty name: every profile
    void checkDriftRequested(const QString& name);
    void compareRequested(const QString& name);
    void currentProfileChanged(const QString& name);

private:
    void updateActions();
    void updateDetails();

    EnvironmentListModel* m_model = nullptr;
    QTreeView* m_view = nullptr;
    QPlainTextEdit* m_details = nullptr;
    QAction* m_refreshAll = nullptr;
    QAction* m_refresh = nullptr;
    QAction* m_checkDrift = nullptr;
    QAction* m_compare = nullptr;
    bool m_compareAvailable = false;
};

} // namespace retort
