#pragma once

#include "model/graph/reparentcheck.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace retort {

class ProtectedConfirmation;

// What a re-parent shows before anything is saved: what moves where, why (when the Heads
// panel recommended it), the file's diff, and how to take it back. When a database already
// applied what moves, the dialog refuses: the refusal is said in red and the confirm button
// stays disabled until the person ticks "Rewrite it anyway" and, for each protected
// database among them, types its name. A refusal of the move itself (a loop, a merge
// revision, a file that cannot be edited) has no way past it. Return confirms; Escape
// cancels. Opened window-modal with open(); accepted() saves.
class ReparentDialog : public QDialog
{
    Q_OBJECT

public:
    struct Preview
    {
        ReparentCheck check;
        QString fileName;  // the script's file name
        QString diff;      // the unified diff of the edit (empty when it cannot be made)
        QString editError; // why the file cannot be edited (empty when it can)
        QString reason;    // why the Heads panel recommends it (empty from a drag)
    };

    explicit ReparentDialog(const Preview& preview, QWidget* parent = nullptr);

    const Preview& preview() const { return m_preview; }
    QPushButton* confirmButton() const { return m_confirm; }
    QPlainTextEdit* diffView() const { return m_diff; }
    QCheckBox* overrideBox() const { return m_override; } // null unless a database blocks
    QList<ProtectedConfirmation*> confirmations() const { return m_confirmations; }
    // The refusal, in words (empty when there is none).
    QString refusalText() const { return m_refusal; }

public slots:
    // Accepts only while the confirm button is enabled: nothing refused goes through.
    void accept() override;

private:
    void updateConfirm();

    Preview m_preview;
    QString m_refusal;
    QVBoxLayout* m_layout = nullptr;
    QPlainTextEdit* m_diff = nullptr;
    QCheckBox* m_override = nullptr;
    QList<ProtectedConfirmation*> m_confirmations;
    QPushButton* m_confirm = nullptr;
};

} // namespace retort
