#include "widgets/log/logpane.h"

#include "widgets/log/logview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QScrollBar>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace retort {

LogPane::LogPane(QWidget* parent) : QWidget(parent)
{
    m_log = new LogView;
    m_log->setObjectName(QStringLiteral("logView"));

    m_status = new QLabel(tr("No migration has run yet."));
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setMinimumWidth(120);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->hide();

    m_stop = new QToolButton;
    m_stop->setObjectName(QStringLiteral("stopRun"));
    m_stop->setText(tr("&Stop"));
    m_stop->setIcon(QIcon::fromTheme(QStringLiteral("process-stop"),
                                     style()->standardIcon(QStyle::SP_BrowserStop)));
    m_stop->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_stop->setToolTip(tr("Stop the running migration (terminate alembic, then kill it)"));
    m_stop->setEnabled(false);
    connect(m_stop, &QToolButton::clicked, this, &LogPane::stopRequested);

    m_follow = new QToolButton;
    m_follow->setText(tr("Follow"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Keep the newest line in view (scrolling up pauses this)"));
    connect(m_follow, &QToolButton::clicked, this, [this](bool on) {
        if (on)
            m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
        else
            m_follow->setChecked(m_log->isFollowing());
    });
    connect(m_log, &LogView::followingChanged, m_follow, &QToolButton::setChecked);

    auto* copy = new QToolButton;
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy the whole log"));
    connect(copy, &QToolButton::clicked, m_log, &LogView::copyAll);
    auto* save = new QToolButton;
    save->setText(tr("Save…"));
    save->setToolTip(tr("Save the log to a file"));
    connect(save, &QToolButton::clicked, this, &LogPane::saveRequested);
    auto* clear = new QToolButton;
    clear->setText(tr("Clear"));
    connect(clear, &QToolButton::clicked, m_log, &LogView::clearLog);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_progress);
    bar->addWidget(m_stop);
    bar->addSpacing(12);
    bar->addWidget(m_follow);
    bar->addWidget(copy);
    bar->addWidget(save);
    bar->addWidget(clear);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_log, 1);
}

void LogPane::appendLine(const QDateTime& time, RunEvent::Stream stream, RunEvent::Level level,
                         const QString& text)
{
    m_log->appendLine(time, stream, level, text);
}

void LogPane::appendNote(const QString& text, RunEvent::Level level)
{
    m_log->appendNote(text, level);
}

QString LogPane::logText() const
{
    return m_log->logText();
}

void LogPane::setRunning(bool running, const QString& status)
{
    m_status->setText(status);
    m_status->setToolTip(status);
    m_stop->setEnabled(running);
    if (running) {
        m_progress->setRange(0, 0); // busy until the first step says how many there are
        m_progress->show();
    } else {
        m_progress->hide();
    }
}

void LogPane::setProgress(int step, int count, const QString& status)
{
    m_status->setText(status);
    m_status->setToolTip(status);
    if (count > 0) {
        m_progress->setRange(0, count);
        m_progress->setValue(std::clamp(step - 1, 0, count)); // steps done before this one
        m_progress->setFormat(tr("step %1 of %2").arg(step).arg(count));
    } else {
        m_progress->setRange(0, 0);
    }
    m_progress->show();
}

void LogPane::setStopEnabled(bool enabled)
{
    m_stop->setEnabled(enabled);
}

QString LogPane::statusText() const
{
    return m_status->text();
}

int LogPane::progressValue() const
{
    return m_progress->value();
}

int LogPane::progressMaximum() const
{
    return m_progress->maximum();
}

bool LogPane::isStopEnabled() const
{
    return m_stop->isEnabled();
}

} // namespace retort
