#include "widgets/heads/headspanel.h"

#include "widgets/plan/notice.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retort {

namespace {

QString appliedText(const HeadInfo& head)
{
    QStringList parts;
    for (const HeadInfo::Use& use : head.appliedBy)
        parts << HeadsPanel::tr("%1 (%2)").arg(use.profile, use.revisions.join(QLatin1String(", ")));
    for (const QString& profile : head.unknownIn)
        parts << HeadsPanel::tr("%1: not read").arg(profile);
    return parts.isEmpty() ? HeadsPanel::tr("nowhere") : parts.join(QLatin1String("; "));
}

} // namespace

HeadsPanel::HeadsPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("headsPanel"));
    m_summary = wrappedLabel(QString());
    m_summary->setObjectName(QStringLiteral("headsSummary"));
    m_heads = new QTreeWidget;
    m_heads->setObjectName(QStringLiteral("headsList"));
    // Narrow docks: one row per head (its id and branch), what only it has and who applied
    // it on the rows below, rather than four columns scrolled sideways.
    m_heads->setHeaderLabels({tr("Head"), tr("Branch")});
    m_heads->setWordWrap(true);
    m_heads->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_heads->setAccessibleName(tr("Heads"));
    m_recommendation = wrappedLabel(QString());
    m_recommendation->setObjectName(QStringLiteral("headsRecommendation"));

    m_reparent = new QPushButton;
    m_reparent->setObjectName(QStringLiteral("reparentHead"));
    m_merge = new QPushButton(tr("&Merge Heads…"));
    m_merge->setObjectName(QStringLiteral("mergeHeads"));
    connect(m_reparent, &QPushButton::clicked, this, [this] {
        const HeadsFix& fix = m_analysis.recommendation();
        if (fix.kind == HeadsFix::Kind::Reparent)
            emit reparentRequested(fix.revision, fix.newParent, fix.reason);
    });
    connect(m_merge, &QPushButton::clicked, this, [this] {
        QStringList heads = m_analysis.recommendation().heads;
        if (heads.isEmpty())
            for (const HeadInfo& head : m_analysis.heads())
                heads << head.id;
        emit mergeRequested(heads);
    });
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_reparent);
    buttons->addWidget(m_merge);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_heads, 1);
    layout->addWidget(m_recommendation);
    layout->addLayout(buttons);
    setAnalysis({});
}

void HeadsPanel::setAnalysis(const HeadsAnalysis& analysis)
{
    m_analysis = analysis;
    m_heads->clear();
    for (const HeadInfo& head : analysis.heads()) {
        auto* item = new QTreeWidgetItem(m_heads, {head.id, HeadsAnalysis::branchText(head)});
        item->setData(0, Qt::UserRole, head.id);
        item->setToolTip(1, HeadsAnalysis::branchText(head));
        const QString own = head.own.join(QLatin1String(", "));
        const QString applied = appliedText(head);
        auto* ownItem = new QTreeWidgetItem(item, {tr("Only it has"), own});
        auto* appliedItem = new QTreeWidgetItem(item, {tr("Applied by"), applied});
        ownItem->setToolTip(1, own);
        appliedItem->setToolTip(1, applied);
        item->setExpanded(true);
    }
    const HeadsFix& fix = analysis.recommendation();
    m_summary->setText(analysis.hasUnexplainedHeads()
                           ? analysis.summary()
                           : tr("Every head ends a branch of its own: nothing to resolve."));
    switch (fix.kind) {
    case HeadsFix::Kind::Reparent:
        m_recommendation->setText(
            tr("Recommended: re-parent %1 onto %2. %3").arg(fix.revision, fix.newParent, fix.reason));
        break;
    case HeadsFix::Kind::Merge:
        m_recommendation->setText(tr("Recommended: merge %1. %2")
                                      .arg(fix.heads.join(QLatin1String(", ")), fix.reason));
        break;
    case HeadsFix::Kind::None:
        m_recommendation->clear();
        break;
    }
    m_recommendation->setVisible(fix.kind != HeadsFix::Kind::None);
    const bool reparent = fix.kind == HeadsFix::Kind::Reparent;
    m_reparent->setVisible(reparent);
    m_reparent->setText(reparent ? tr("&Re-parent %1 onto %2…").arg(fix.revision, fix.newParent)
                                 : QString());
    m_merge->setEnabled(analysis.hasUnexplainedHeads());
    // The recommended fix is what Return does.
    m_reparent->setDefault(reparent);
    m_merge->setDefault(fix.kind == HeadsFix::Kind::Merge);
}

QString HeadsPanel::recommendationText() const
{
    return m_recommendation->text();
}

} // namespace retort
