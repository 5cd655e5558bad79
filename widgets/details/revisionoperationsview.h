#pragma once

#include "model/migration/schemahistory.h"

#include <QString>
#include <QWidget>

#include <memory>

class QLabel;

namespace retort {

// The "Operations" section of the details pane: what the shown revision's upgrade() and
// downgrade() do, in plain words (MigrationOpText::describe), each a link to its line in the
// script; raw SQL shown as SQL, what Retort did not read shown as not read. "Reading
// operations…" until the index arrives. A view only: the index is read elsewhere.
class RevisionOperationsView : public QWidget
{
    Q_OBJECT

public:
    static constexpr auto kTextField = "detailsOperations";

    explicit RevisionOperationsView(QWidget* parent = nullptr);
    ~RevisionOperationsView() override;

    // The operations of the project (null while none is read); `reading`: a read is under
    // way, so a revision missing from `index` may still come.
    void setIndex(std::shared_ptr<const MigrationOpsIndex> index, bool reading);
    std::shared_ptr<const MigrationOpsIndex> index() const { return m_index; }
    // The revision to describe and its script (empty id: nothing).
    void setRevision(const QString& id, const QString& path);

    QLabel* label() const { return m_text; }
    // The section as plain text (links as their text), for tests and accessibility.
    QString plainText() const;
    // The links in order: "line:N" per operation.
    QStringList links() const;

signals:
    void openScriptRequested(const QString& absolutePath, int line);

private:
    void rebuild();
    QString functionHtml(const QString& caption, const MigrationFunction& function) const;
    void activateLink(const QString& link);

    std::shared_ptr<const MigrationOpsIndex> m_index;
    bool m_reading = false;
    QString m_id;
    QString m_path;
    QLabel* m_text = nullptr;
};

} // namespace retort
