#pragma once

#include <QDialog>
#include <QStringList>

#include <memory>

class QDialogButtonBox;
class QLineEdit;
class QListWidget;

namespace retort {

class RevisionGraph;

// File → Merge Heads: pick two or more heads and a message for `alembic merge`. All heads
// are ticked at first; OK needs two ticked and a message.
class MergeHeadsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit MergeHeadsDialog(std::shared_ptr<const RevisionGraph> graph,
                              QWidget* parent = nullptr);

    QString message() const;
    void setMessage(const QString& message);
    QStringList selectedHeads() const; // in the graph's order
    void setSelectedHeads(const QStringList& heads);
    QListWidget* headList() const { return m_heads; }

    // The arguments after `alembic merge`.
    QStringList arguments() const;

private:
    void updateOk();

    QLineEdit* m_message = nullptr;
    QListWidget* m_heads = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace retort
