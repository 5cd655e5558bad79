#include "widgets/details/revisiondetailsview.h"

#include "model/graph/revisiongraph.h"
#include "widgets/details/revisionoperationsview.h"

#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace retort {

namespace {

constexpr QLatin1String kRevisionScheme("rev:");
constexpr QLatin1String kScriptLink("script:open");

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

// The docstring after its first paragraph (the message), or empty.
QString restOfDocstring(const QString& longDoc)
{
    static const QRegularExpression paragraphBreak(QStringLiteral("\\n[ \\t]*\\n"));
    const QRegularExpressionMatch match = paragraphBreak.match(longDoc);
    if (!match.hasMatch())
        return {};
    return longDoc.mid(match.capturedEnd()).trimmed();
}

// "Ann Archer, 2024-01-10 09:00 · 1a2b3c4 · Start the schema"
QString commitText(const GitCommit& commit)
{
    const QDateTime date = QDateTime::fromString(commit.date, Qt::ISODate);
    return RevisionDetailsView::tr("%1, %2 · %3 · %4", "git author, date, short hash, subject")
        .arg(commit.author,
             date.isValid() ? date.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : commit.date,
             commit.shortHash, commit.subject);
}

} // namespace

RevisionDetailsView::RevisionDetailsView(QWidget* parent) : QWidget(parent)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    // The placeholder sits outside the scroll area: with nothing selected there is nothing
    // to scroll, and the empty form's height must not make a scroll bar appear.
    m_placeholder = new QLabel(tr("Select a revision to see its details"));
    m_placeholder->setObjectName(QLatin1String(kPlaceholderField));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setMinimumSize(0, 0);
    m_placeholder->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    outer->addWidget(m_placeholder);

    m_scrollArea = new QScrollArea(this);
    m_scrollArea->setWidgetResizable(true);
    m_scrollArea->setFrameShape(QFrame::NoFrame);
    m_scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(m_scrollArea);

    m_formPage = new QWidget;
    auto* pageLayout = new QVBoxLayout(m_formPage);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    pageLayout->addLayout(m_form);
    m_operations = new RevisionOperationsView;
    connect(m_operations, &RevisionOperationsView::openScriptRequested, this,
            &RevisionDetailsView::openScriptLineRequested);
    pageLayout->addWidget(m_operations);
    pageLayout->addStretch(1);
    m_scrollArea->setWidget(m_formPage);

    // Id row: monospace, selectable, with a Copy button beside it.
    {
        auto* idLabel = new QLabel;
        idLabel->setObjectName(QLatin1String(kIdField));
        idLabel->setTextFormat(Qt::PlainText);
        idLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        idLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        idLabel->setWordWrap(true);

        m_copyButton = new QPushButton(tr("Copy"));
        m_copyButton->setObjectName(QLatin1String(kCopyIdButton));
        m_copyButton->setToolTip(tr("Copy the revision id to the clipboard"));
        connect(m_copyButton, &QPushButton::clicked, this, &RevisionDetailsView::copyId);

        auto* row = new QWidget;
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(idLabel, 1);
        rowLayout->addWidget(m_copyButton, 0, Qt::AlignTop);

        auto* caption = new QLabel(tr("Revision:"));
        caption->setBuddy(idLabel);
        m_form->addRow(caption, row);
        m_fields.insert(kIdField, idLabel);
        m_rowWidgets.insert(kIdField, row);
    }

    addField(tr("Message:"), kMessageField, false);
    addField(tr("Description:"), kDocField, false);
    addField(tr("Created:"), kDateField, false);
    addField(tr("Committed:"), kCommitField, false);
    addField(tr("Marks:"), kMarkersField, false);
    addField(tr("Database:"), kDatabaseField, false);
    addField(tr("Parents:"), kParentsField, true);
    addField(tr("Children:"), kChildrenField, true);
    addField(tr("Depends on:"), kDependsOnField, true);
    addField(tr("Resolved dependencies:"), kDependenciesField, true);
    addField(tr("Dependents:"), kDependentsField, true);
    addField(tr("Branch labels:"), kLabelsField, true);
    // The path is one line, elided in the middle to the pane's width (never wider: a long
    // file name must not push the Copy button out of sight); the tooltip has all of it.
    QLabel* path = addField(tr("File:"), kPathField, true);
    path->setWordWrap(false);
    path->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    path->installEventFilter(this);
    addField(tr("Diagnostics:"), kDiagnosticsField, true);

    // The message is the headline of the pane.
    QFont messageFont = field(kMessageField)->font();
    messageFont.setBold(true);
    field(kMessageField)->setFont(messageFont);

    showPlaceholder();
}

RevisionDetailsView::~RevisionDetailsView() = default;

QLabel* RevisionDetailsView::addField(const QString& caption, const char* objectName, bool richText)
{
    auto* label = new QLabel;
    label->setObjectName(QLatin1String(objectName));
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    if (richText) {
        // Links reachable by Tab, activated by Enter; text selectable by mouse.
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextBrowserInteraction);
        label->setOpenExternalLinks(false);
        connect(label, &QLabel::linkActivated, this, &RevisionDetailsView::activateLink);
    } else {
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    auto* captionLabel = new QLabel(caption);
    captionLabel->setBuddy(label);
    m_form->addRow(captionLabel, label);
    m_fields.insert(objectName, label);
    m_rowWidgets.insert(objectName, label);
    return label;
}

void RevisionDetailsView::setGraph(std::shared_ptr<const RevisionGraph> graph)
{
    m_graph = std::move(graph);
    rebuild();
}

void RevisionDetailsView::setProjectRoot(const QString& folder)
{
    if (m_projectRoot == folder)
        return;
    m_projectRoot = folder;
    rebuild();
}

void RevisionDetailsView::setRevision(const QString& id)
{
    m_requestedId = id;
    rebuild();
}

void RevisionDetailsView::setOperations(std::shared_ptr<const MigrationOpsIndex> index,
                                        bool reading)
{
    m_operations->setIndex(std::move(index), reading);
}

void RevisionDetailsView::setDatabaseState(const QString& profileName, const DatabaseState& state)
{
    m_hasDatabaseState = true;
    m_profileName = profileName;
    m_databaseState = state;
    rebuild();
}

void RevisionDetailsView::setGitAuthors(const GitAuthors& authors)
{
    if (authors == m_git)
        return;
    m_git = authors;
    rebuild();
}

void RevisionDetailsView::clearDatabaseState()
{
    m_hasDatabaseState = false;
    m_profileName.clear();
    m_databaseState = {};
    rebuild();
}

QLabel* RevisionDetailsView::field(const char* objectName) const
{
    if (qstrcmp(objectName, kPlaceholderField) == 0)
        return m_placeholder;
    return m_fields.value(QByteArray(objectName));
}

QString RevisionDetailsView::fieldText(const char* objectName) const
{
    const QLabel* label = field(objectName);
    if (!label)
        return {};
    if (label->textFormat() == Qt::PlainText)
        return label->text();
    if (qstrcmp(objectName, kPathField) == 0)
        return m_pathText; // whole, however it is elided on screen
    return QTextDocumentFragment::fromHtml(label->text()).toPlainText();
}

bool RevisionDetailsView::isFieldVisible(const char* objectName) const
{
    if (qstrcmp(objectName, kPlaceholderField) == 0)
        return isShowingPlaceholder();
    if (isShowingPlaceholder())
        return false;
    QWidget* row = m_rowWidgets.value(QByteArray(objectName));
    return row && m_form->isRowVisible(row);
}

void RevisionDetailsView::showPlaceholder()
{
    m_shownId.clear();
    m_shownPath.clear();
    for (QLabel* label : std::as_const(m_fields))
        label->clear();
    m_pathText.clear();
    m_operations->setRevision({}, {});
    m_copyButton->setEnabled(false);
    m_scrollArea->hide();
    m_placeholder->show();
}

void RevisionDetailsView::setRow(const char* objectName, const QString& text, bool visible)
{
    QLabel* label = m_fields.value(QByteArray(objectName));
    Q_ASSERT(label);
    label->setText(visible ? text : QString());
    m_form->setRowVisible(m_rowWidgets.value(QByteArray(objectName)), visible);
}

void RevisionDetailsView::rebuild()
{
    const Revision* revision =
        m_graph && !m_requestedId.isEmpty() ? m_graph->revision(m_requestedId) : nullptr;
    if (!revision) {
        showPlaceholder();
        return;
    }
    const RevisionGraph& graph = *m_graph;
    const QString id = revision->id;
    m_shownId = id;
    m_shownPath = revision->path;
    m_copyButton->setEnabled(true);

    setRow(kIdField, id);

    setRow(kMessageField, revision->message.isEmpty() ? tr("(no message)") : revision->message);
    const QString rest = restOfDocstring(revision->longDoc);
    setRow(kDocField, rest, !rest.isEmpty());
    setRow(kDateField, revision->createDate, !revision->createDate.isEmpty());
    const GitCommit* commit = m_git.commit(*revision);
    setRow(kCommitField, commit ? commitText(*commit) : QString(), commit != nullptr);
    field(kCommitField)->setToolTip(
        commit ? tr("Added to git by %1 <%2> on %3 in commit %4").arg(commit->author, commit->email,
                                                                       commit->date, commit->hash)
               : QString());

    QStringList markers;
    if (graph.isHead(id))
        markers << tr("head");
    if (graph.isBase(id))
        markers << tr("base");
    if (graph.isBranchPoint(id))
        markers << tr("branch point");
    if (graph.isMergePoint(id))
        markers << tr("merge point");
    setRow(kMarkersField, markers.join(QLatin1String(", ")), !markers.isEmpty());

    const QString database = databaseText();
    setRow(kDatabaseField, database, !database.isEmpty());

    // Parents in the order written; the ones without a script are named but not links.
    const QStringList missing = graph.missingParents(id);
    QStringList parents;
    for (const QString& parent : revision->downRevisions) {
        if (missing.contains(parent) || !graph.contains(parent))
            parents << tr("%1 (no script)").arg(escaped(parent));
        else
            parents << revisionLink(parent);
    }
    setRow(kParentsField, parents.isEmpty() ? tr("none") : parents.join(QLatin1String(", ")));

    const QStringList children = graph.children(id);
    setRow(kChildrenField, children.isEmpty() ? tr("none") : revisionLinks(children));

    // depends_on as written: ids link to themselves, labels to the revision declaring them.
    QStringList dependsOn;
    for (const QString& entry : revision->dependsOn) {
        if (graph.contains(entry)) {
            dependsOn << revisionLink(entry);
        } else if (const QString owner = graph.labelOwner(entry); !owner.isEmpty()) {
            dependsOn << QStringLiteral("<a href=\"%1%2\">%3</a>")
                             .arg(kRevisionScheme, escaped(owner), escaped(entry));
        } else {
            const IdResolution resolution = graph.resolve(entry);
            if (resolution.ok())
                dependsOn << tr("%1 (%2)").arg(escaped(entry), revisionLink(resolution.id));
            else
                dependsOn << tr("%1 (unknown)").arg(escaped(entry));
        }
    }
    setRow(kDependsOnField, dependsOn.join(QLatin1String(", ")), !dependsOn.isEmpty());

    const QStringList dependencies = graph.dependencies(id);
    setRow(kDependenciesField, revisionLinks(dependencies),
           !dependencies.isEmpty() || !revision->dependsOn.isEmpty());
    if (dependencies.isEmpty() && !revision->dependsOn.isEmpty())
        setRow(kDependenciesField, tr("none"));

    const QStringList dependents = graph.dependents(id);
    setRow(kDependentsField, revisionLinks(dependents), !dependents.isEmpty());

    // Declared labels first, then the inherited ones with the revision that declares them.
    QStringList labels;
    for (const QString& label : revision->branchLabels)
        labels << tr("%1 (declared)").arg(escaped(label));
    for (const QString& label : graph.branchLabels(id)) {
        if (revision->branchLabels.contains(label))
            continue;
        const QString owner = graph.labelOwner(label);
        labels << (owner.isEmpty()
                       ? tr("%1 (inherited)").arg(escaped(label))
                       : tr("%1 (inherited from %2)").arg(escaped(label), revisionLink(owner)));
    }
    setRow(kLabelsField, labels.join(QLatin1String(", ")), !labels.isEmpty());

    if (revision->path.isEmpty()) {
        m_pathText.clear();
        setRow(kPathField, QString(), false);
    } else {
        m_pathText = displayPath(revision->path);
        setRow(kPathField, QString());
        updatePathField();
        field(kPathField)->setToolTip(QDir::toNativeSeparators(revision->path));
    }

    QStringList diagnostics;
    if (!revision->path.isEmpty()) {
        for (const Diagnostic& diagnostic : graph.diagnosticsFor(revision->path)) {
            QString severity;
            switch (diagnostic.severity) {
            case Diagnostic::Severity::Error:
                severity = tr("error");
                break;
            case Diagnostic::Severity::Warning:
                severity = tr("warning");
                break;
            case Diagnostic::Severity::Info:
                severity = tr("info");
                break;
            }
            diagnostics << (diagnostic.line > 0
                                ? tr("%1, line %2: %3")
                                      .arg(severity, QString::number(diagnostic.line),
                                           escaped(diagnostic.message))
                                : tr("%1: %2").arg(severity, escaped(diagnostic.message)));
        }
    }
    setRow(kDiagnosticsField, diagnostics.join(QLatin1String("<br>")), !diagnostics.isEmpty());
    m_operations->setRevision(id, revision->path);

    m_placeholder->hide();
    m_scrollArea->show();
}

void RevisionDetailsView::updatePathField()
{
    QLabel* label = field(kPathField);
    if (m_pathText.isEmpty() || !label)
        return;
    const int width = label->contentsRect().width() - 2;
    const QString shown = width > 0 ? label->fontMetrics().elidedText(m_pathText, Qt::ElideMiddle,
                                                                      width)
                                    : m_pathText;
    label->setText(QStringLiteral("<a href=\"%1\">%2</a>").arg(kScriptLink, escaped(shown)));
}

bool RevisionDetailsView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == field(kPathField) &&
        (event->type() == QEvent::Resize || event->type() == QEvent::FontChange))
        updatePathField();
    return QWidget::eventFilter(watched, event);
}

QString RevisionDetailsView::databaseText() const
{
    if (!m_hasDatabaseState || m_shownId.isEmpty())
        return {};
    const QString profile = m_profileName.isEmpty() ? tr("the database") : m_profileName;
    if (!m_databaseState.isReadable())
        return tr("unknown in %1: %2").arg(profile, m_databaseState.error());
    const DatabaseState& state = m_databaseState;
    if (state.isCurrent(m_shownId))
        return tr("current in %1").arg(profile);
    if (state.isApplied(m_shownId))
        return tr("applied in %1").arg(profile);
    if (state.isPending(m_shownId))
        return tr("pending in %1").arg(profile);
    return {};
}

QString RevisionDetailsView::revisionLink(const QString& id) const
{
    return QStringLiteral("<a href=\"%1%2\">%3</a>").arg(kRevisionScheme, escaped(id), escaped(id));
}

QString RevisionDetailsView::revisionLinks(const QStringList& ids) const
{
    QStringList links;
    links.reserve(ids.size());
    for (const QString& id : ids)
        links << revisionLink(id);
    return links.join(QLatin1String(", "));
}

QString RevisionDetailsView::displayPath(const QString& path) const
{
    if (m_projectRoot.isEmpty())
        return QDir::toNativeSeparators(path);
    const QString relative = QDir(m_projectRoot).relativeFilePath(path);
    return QDir::toNativeSeparators(relative.startsWith(QLatin1String("../")) ? path : relative);
}

void RevisionDetailsView::activateLink(const QString& link)
{
    if (link.startsWith(kRevisionScheme)) {
        const QString id = link.mid(kRevisionScheme.size());
        if (!id.isEmpty())
            emit revisionLinkActivated(id);
    } else if (link == kScriptLink && !m_shownPath.isEmpty()) {
        emit openScriptRequested(m_shownPath);
    }
}

void RevisionDetailsView::copyId()
{
    if (m_shownId.isEmpty())
        return;
    if (QClipboard* clipboard = QGuiApplication::clipboard())
        clipboard->setText(m_shownId);
}

void RevisionDetailsView::setProject(const ProjectSnapshot& project)
{
    setProjectRoot(project.root());
    setGraph(project.graph);
}

} // namespace retort
