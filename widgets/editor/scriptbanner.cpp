#include "widgets/editor/scriptbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace retort {

ScriptBanner::ScriptBanner(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("scriptBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    m_icon = new QLabel;
    m_label = new QLabel;
    m_label->setObjectName(QStringLiteral("scriptBannerMessage"));
    m_label->setWordWrap(true);
    m_label->setForegroundRole(QPalette::ToolTipText);
    m_reload = new QPushButton(tr("&Reload"));
    m_reload->setObjectName(QStringLiteral("bannerReload"));
    m_reload->setToolTip(tr("Replace the text here with the file on disk (your edits are lost)"));
    m_keep = new QPushButton(tr("&Keep Mine"));
    m_keep->setObjectName(QStringLiteral("bannerKeep"));
    m_keep->setToolTip(tr("Keep the text here; saving overwrites the file on disk"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_reload);
    layout->addWidget(m_keep);
    connect(m_reload, &QPushButton::clicked, this, &ScriptBanner::reloadRequested);
    connect(m_keep, &QPushButton::clicked, this, &ScriptBanner::keepRequested);
    hide();
}

void ScriptBanner::showChangedOnDisk()
{
    m_state = State::ChangedOnDisk;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size));
    m_label->setText(tr("The file changed on disk while you were editing it here."));
    m_reload->show();
    m_keep->show();
    show();
}

void ScriptBanner::showDeleted()
{
    m_state = State::Deleted;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(size));
    m_label->setText(tr("The file was deleted from disk. The text is kept here; "
                        "Save writes it back."));
    m_reload->hide();
    m_keep->hide();
    show();
}

void ScriptBanner::showProjectMissing()
{
    m_state = State::ProjectMissing;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(size));
    m_label->setText(tr("The project folder was moved or deleted. The text is kept here; "
                        "saving fails until the folder is back (or reopen the project)."));
    m_reload->hide();
    m_keep->hide();
    show();
}

void ScriptBanner::dismiss()
{
    m_state = State::Hidden;
    hide();
}

QString ScriptBanner::message() const
{
    return m_state == State::Hidden ? QString() : m_label->text();
}

} // namespace retort
