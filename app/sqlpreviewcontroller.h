#pragma once

#include "widgets/plan/sqlpreviewdialog.h"
#include "model/run/runevent.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class QDialog;
class QWidget;

namespace retort {

class AlembicRunner;
struct RunRequest;

// The SQL preview: runs `alembic upgrade|downgrade FROM:TO --sql` (offline mode, the
// database untouched) through the window's runner and streams what alembic prints to stdout into
// a SqlPreviewDialog; when env.py cannot run offline the dialog says so plainly. A new
// preview replaces the one on screen; closing the preview stops its run.
class SqlPreviewController : public QObject
{
    Q_OBJECT

public:
    // `runner` is shared with the other commands; this controller follows its own runs only.
    SqlPreviewController(AlembicRunner* runner, QWidget* window, QObject* parent = nullptr);
    ~SqlPreviewController() override;

    // `shownCommand` is the command as people read it, e.g. "alembic upgrade a1:b2 --sql".
    // `alembic` says which alembic writes the SQL ("alembic 1.13.2"). With an `owner` (the
    // confirmation it was asked from) the preview closes with it.
    void preview(const RunRequest& request, const QString& shownCommand, const QString& alembic,
                 QDialog* owner = nullptr);
    SqlPreviewDialog* dialog() const { return m_dialog; }

signals:
    void finished(bool ok);

private:
    void onRunEvent(const RunEvent& event);
    void save();

    QWidget* m_window = nullptr;
    AlembicRunner* m_runner = nullptr;
    QPointer<SqlPreviewDialog> m_dialog;
    quint64 m_run = 0;
};

} // namespace retort
