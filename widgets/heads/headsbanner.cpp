#include "widgets/heads/headsbanner.h"

#include "widgets/plan/notice.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace retort {

HeadsBanner::HeadsBanner(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("headsBanner"));
    tintNotice(this, false);
    m_label = wrappedLabel(QString());
    m_label->setObjectName(QStringLiteral("headsBannerText"));
    m_show = new QPushButton(tr("Sh&ow Heads"));
    m_show->setObjectName(QStringLiteral("showHeads"));
    connect(m_show, &QPushButton::clicked, this, &HeadsBanner::showRequested);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_show, 0, Qt::AlignVCenter);
}

void HeadsBanner::setText(const QString& text)
{
    m_label->setText(text);
}

QString HeadsBanner::text() const
{
    return m_label->text();
}

} // namespace retort
