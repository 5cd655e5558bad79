#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace retort {

// Help → Report a Problem…: the diagnostic summary to paste into an issue (read-only text),
// Copy to Clipboard, and a link to where issues are reported.
class ProblemReportDialog : public QDialog
{
    Q_OBJECT

public:
    ProblemReportDialog(const QString& report, const QString& issuesUrl, QWidget* parent = nullptr);

    QString reportText() const;
    // The summary again (a fact that came in late, such as the Python version).
    void setReportText(const QString& report);
    // Puts the summary on the clipboard and says so.
    void copyToClipboard();

signals:
    void copied();

private:
    QPlainTextEdit* m_text = nullptr;
    QLabel* m_copiedNote = nullptr;
};

} // namespace retort
