#include "app/sqlpreviewcontroller.h"

#include "model/common/savefile.h"
#include "model/run/alembicrunner.h"

#include <QFileDialog>
#include <QMessageBox>

namespace retort {

SqlPreviewController::SqlPreviewController(AlembicRunner* runner, QWidget* window,
                                           QObject* parent)
    : QObject(parent), m_window(window), m_runner(runner)
{
    connect(m_runner, &AlembicRunner::event, this, &SqlPreviewController::onRunEvent);
}

SqlPreviewController::~SqlPreviewController() = default;

void SqlPreviewController::preview(const RunRequest& request, const QString& shownCommand,
                                   const QString& alembic, QDialog* owner)
{
    if (m_dialog)
        m_dialog->close();
    if (m_run != 0)
        m_runner->stop(m_run);
    // Owned by the confirmation it was opened from: it closes with it.
    auto* dialog = new SqlPreviewDialog(shownCommand, alembic, owner ? owner : m_window);
    m_dialog = dialog;
    connect(dialog, &SqlPreviewDialog::saveRequested, this, &SqlPreviewController::save);
    if (owner)
        connect(owner, &QDialog::finished, dialog, &QWidget::close);
    dialog->show();
    const quint64 run = m_runner->start(request);
    m_run = run;
    // A preview closed before alembic is done needs the rest of its SQL no more.
    connect(dialog, &QObject::destroyed, this, [this, run] {
        if (m_run == run)
            m_runner->stop(run);
    });
}

void SqlPreviewController::onRunEvent(const RunEvent& event)
{
    if (event.runId != m_run)
        return; // a replaced preview
    switch (event.kind) {
    case RunEvent::Kind::Started:
    case RunEvent::Kind::Progress:
        break;
    case RunEvent::Kind::Output:
        if (event.stream == RunEvent::Stream::Stdout && m_dialog)
            m_dialog->appendLine(event.text);
        break;
    case RunEvent::Kind::Finished: {
        m_run = 0;
        const bool ok = event.status == RunEvent::Status::Succeeded;
        if (m_dialog) {
            QString problem;
            if (!ok) {
                const QString why = event.reason.isEmpty() ? event.text : event.reason;
                problem = tr("This project's env.py could not run in offline mode (--sql), so "
                             "there is no SQL to show. Alembic said: %1")
                              .arg(why);
            }
            m_dialog->finish(problem);
        }
        emit finished(ok);
        break;
    }
    }
}

void SqlPreviewController::save()
{
    if (!m_dialog)
        return;
    const QString path = QFileDialog::getSaveFileName(m_dialog, tr("Save SQL"), QString(),
                                                      tr("SQL files (*.sql);;All files (*)"));
    if (path.isEmpty())
        return;
    const Result<void> saved = saveTextFile(path, m_dialog->sql());
    if (!saved)
        QMessageBox::warning(m_dialog, tr("Save SQL"), saved.error());
}

} // namespace retort
