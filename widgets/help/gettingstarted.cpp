// GettingStarted: walks a list of steps, each a bubble next to the widget it explains.
#include "widgets/help/gettingstarted.h"

#include "widgets/help/helpbubble.h"

#include <QWidget>

namespace retort {

GettingStarted::GettingStarted(QWidget* window, QObject* parent)
    : QObject(parent), m_window(window), m_bubble(new HelpBubble(window))
{
    connect(m_bubble, &HelpBubble::nextClicked, this, &GettingStarted::next);
    connect(m_bubble, &HelpBubble::backClicked, this, &GettingStarted::back);
    connect(m_bubble, &HelpBubble::closeClicked, this, &GettingStarted::close);
}

GettingStarted::~GettingStarted()
{
    delete m_bubble; // a child of the window: null when the window went first
}

HelpBubble* GettingStarted::bubble() const
{
    return m_bubble.data();
}

QWidget* GettingStarted::currentTarget() const
{
    return m_bubble ? m_bubble->target() : nullptr;
}

void GettingStarted::start()
{
    if (m_steps.isEmpty() || !m_bubble)
        return;
    show(0);
}

void GettingStarted::next()
{
    if (m_current < 0)
        return;
    if (m_current + 1 >= m_steps.size()) {
        close();
        return;
    }
    show(m_current + 1);
}

void GettingStarted::back()
{
    if (m_current > 0)
        show(m_current - 1);
}

void GettingStarted::close()
{
    if (m_current < 0)
        return;
    m_current = -1;
    if (m_bubble)
        m_bubble->hide();
    emit finished();
}

void GettingStarted::show(int step)
{
    m_current = step;
    const Step& s = m_steps.at(step);
    if (s.prepare)
        s.prepare();
    QWidget* target = s.target ? s.target() : nullptr;
    m_bubble->showStep(target, s.title, s.text, step + 1, int(m_steps.size()));
    emit stepShown(step);
}

} // namespace retort
