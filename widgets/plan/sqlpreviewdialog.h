#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QsciScintilla;

namespace retort {

// The SQL alembic would run for a plan, from `alembic upgrade|downgrade FROM:TO --sql`
// (offline mode), streamed in as alembic prints it: read-only, highlighted, with Save.
// Non-modal: the person may keep it open beside the confirmation. Escape closes it, from
// the editor too.
class SqlPreviewDialog : public QDialog
{
    Q_OBJECT

public:
    // `alembic` names the alembic that writes the SQL ("alembic 1.13.2"); may be empty.
    SqlPreviewDialog(const QString& command, const QString& alembic, QWidget* parent = nullptr);

    void appendLine(const QString& line);
    // The run ended; an empty `problem` means the SQL is complete.
    void finish(const QString& problem);

    QString sql() const;
    QString statusText() const;
    QsciScintilla* editor() const { return m_editor; }

signals:
    void saveRequested();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyPalette();

    QsciScintilla* m_editor = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace retort
