#pragma once

#include <QDialog>
#include <QStringList>

#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace retort {

class RevisionGraph;

// File → New Revision: what `alembic revision` needs. The message; the parent as one of
// the heads (`--head ID`) or a new branch from base (`--head base`, which wants a branch
// label); an optional branch label and depends_on entries (ids or labels, comma or space
// separated). OK is enabled once the message is given.
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

    // The arguments after `alembic revision`.
    QStringList arguments() const;

private:
    void updateOk();

    QLineEdit* m_message = nullptr;
    QComboBox* m_head = nullptr;
    QLineEdit* m_label = nullptr;
    QLineEdit* m_dependsOn = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace retort
