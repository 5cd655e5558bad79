#pragma once

#include "model/common/latestjob.h"
#include "model/project/gitauthors.h"
#include "model/project/projectsnapshot.h"

#include <QObject>
#include <QThreadPool>

namespace retort {

// Who added each revision file of the loaded project (git), read after each load (in the
// window: once the graph is shown, setHoldUntilGraphShown) with one
// `git log` on a thread of its own: the newest load wins, an older read is dropped. Without
// git, outside a work tree or when git fails, the authors are empty and nothing is said.
// Destroying the session cancels a read (git is stopped) and waits for it briefly.
class GitSession : public QObject
{
    Q_OBJECT

public:
    explicit GitSession(QObject* parent = nullptr);
    ~GitSession() override;

    // A project loaded: reads its files' commits, now or (holding) at graphShown(); the last
    // authors stay until then.
    void setProject(const ProjectSnapshot& project);
    // In the window the read waits until the graph is on screen: the layout comes first.
    void setHoldUntilGraphShown(bool hold) { m_hold = hold; }
    // The graph is shown: start the read setProject() held back (no-op without one).
    void graphShown();
    const GitAuthors& authors() const { return m_authors; }
    bool isReading() const { return m_reading; }
    // How long one git process may take before it is stopped.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

signals:
    // Once per read that was not superseded (possibly empty).
    void authorsChanged(const retort::GitAuthors& authors);

private:
    void start();

    ProjectSnapshot m_pending;
    bool m_hold = false;
    GitAuthors m_authors;
    int m_timeoutMs = 20000;
    bool m_reading = false;
    QThreadPool m_pool;
    LatestJob m_read{&m_pool}; // declared after the pool: cancelled before it is joined
};

} // namespace retort
