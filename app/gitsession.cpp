#include "app/gitsession.h"

#include "model/graph/revisiongraph.h"

#include <utility>

namespace retort {

GitSession::GitSession(QObject* parent) : QObject(parent)
{
    m_pool.setObjectName(QStringLiteral("retort.git"));
    m_pool.setMaxThreadCount(1);
}

GitSession::~GitSession()
{
    m_read.cancel(); // a running git sees the cancel within one poll and is killed
}

void GitSession::setProject(const ProjectSnapshot& project)
{
    if (!project.isLoaded()) {
        m_read.cancel();
        m_pending = {};
        m_reading = false;
        m_authors = {};
        emit authorsChanged(m_authors);
        return;
    }
    m_read.cancel(); // an older project's read gives up
    m_pending = project;
    m_reading = true;
    if (!m_hold)
        start();
}

void GitSession::graphShown()
{
    start();
}

void GitSession::start()
{
    if (!m_pending.isLoaded())
        return;
    const ProjectSnapshot project = std::exchange(m_pending, ProjectSnapshot());
    m_read.start(
        this,
        [graph = project.graph, root = project.root(), timeout = m_timeoutMs](const JobToken& token) {
            GitReadOptions options;
            options.timeoutMs = timeout;
            options.cancelled = [token] { return token.isCancelled(); };
            return GitAuthors::read(*graph, root, options);
        },
        [this](const GitAuthors& authors) {
            m_reading = false;
            m_authors = authors;
            emit authorsChanged(m_authors);
        });
}

} // namespace retort
