#pragma once

#include "model/graph/headsanalysis.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace retort {

// The Heads panel: each head the branch labels do not explain, the branch it ends, the
// revisions only it has and which databases applied them; the recommended fix and why, with
// a button for each fix (the recommended one is the default). A view: it shows a
// HeadsAnalysis and asks for the fixes by signal.
class HeadsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HeadsPanel(QWidget* parent = nullptr);

    void setAnalysis(const HeadsAnalysis& analysis);
    const HeadsAnalysis& analysis() const { return m_analysis; }

    QTreeWidget* headList() const { return m_heads; }
    QString recommendationText() const;
    QPushButton* reparentButton() const { return m_reparent; }
    QPushButton* mergeButton() const { return m_merge; }

signals:
    // Re-parent `revision` onto `newParent`; `reason` says why it was recommended.
    void reparentRequested(const QString& revision, const QString& newParent,
                           const QString& reason);
    void mergeRequested(const QStringList& heads);

private:
    HeadsAnalysis m_analysis;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_heads = nullptr;
    QLabel* m_recommendation = nullptr;
    QPushButton* m_reparent = nullptr;
    QPushButton* m_merge = nullptr;
};

} // namespace retort
