#pragma once

#include "model/script/revisioncommand.h"

#include <QDialog>
#include <QStringList>

#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace retort {

class RevisionGraph;

// File → New Revision: what `alembic revision` needs. The message; the parent as one of
// the heads (`--head ID`) or a new branch from base (`--head base`, which wants a branch
// label); an optional branch label and depends_on entries (ids or labels, comma or space
// separated); and, only when ticked, --autogenerate, whose label says that it runs the
// project's env.py and connects to the database. OK is enabled once the message is given.
class NewRevisionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewRevisionDialog(std::shared_ptr<const RevisionGraph> graph,
                               QWidget* parent = nullptr);

    QString message() const;
    void setMessage(const QString& message);
    // The value for `--head`: a head id, or "base".
    QString head() const;
    void setHead(const QString& head);
    QString branchLabel() const;
    void setBranchLabel(const QString& label);
    QStringList dependsOn() const;
    void setDependsOn(const QString& text);
    bool autogenerate() const;
    void setAutogenerate(bool on);
    QCheckBox* autogenerateBox() const { return m_autogenerate; }

    NewRevisionOptions options() const;
    // The arguments after `alembic` (RevisionCommand::revisionArguments of options()).
    QStringList arguments() const;

private:
    void updateOk();

    QLineEdit* m_message = nullptr;
    QComboBox* m_head = nullptr;
    QLineEdit* m_label = nullptr;
    QLineEdit* m_dependsOn = nullptr;
    QCheckBox* m_autogenerate = nullptr;
    QLabel* m_note = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace retort
