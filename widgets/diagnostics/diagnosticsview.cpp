#include "widgets/diagnostics/diagnosticsview.h"

#include "model/graph/revisiongraph.h"

#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace retort {

namespace {

constexpr int kPathRole = Qt::UserRole + 1;
constexpr int kLineRole = Qt::UserRole + 2;

QStyle::StandardPixmap severityPixmap(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error:
        return QStyle::SP_MessageBoxCritical;
    case Diagnostic::Severity::Warning:
        return QStyle::SP_MessageBoxWarning;
    case Diagnostic::Severity::Info:
        return QStyle::SP_MessageBoxInformation;
    }
    return QStyle::SP_MessageBoxInformation;
}

} // namespace

DiagnosticsView::DiagnosticsView(QWidget* parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_view(new QTreeWidget(this))
{
    m_summary->setObjectName(QStringLiteral("diagnosticsSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setContentsMargins(4, 2, 4, 2);

    m_view->setObjectName(QStringLiteral("diagnosticsTable"));
    m_view->setAccessibleName(tr("Diagnostics"));
    m_view->setColumnCount(ColumnCount);
    m_view->setHeaderLabels({tr("Severity"), tr("File"), tr("Line"), tr("Message")});
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FileColumn, Qt::AscendingOrder);
    m_view->header()->setStretchLastSection(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);

    connect(m_view, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { activate(item); });
    // The summary stays empty until there is something to summarize (no project yet).
}

DiagnosticsView::~DiagnosticsView() = default;

void DiagnosticsView::setDiagnostics(const Diagnostics& diagnostics)
{
    m_diagnostics = diagnostics;
    sortDiagnostics(m_diagnostics);
    rebuild();
    emit countChanged(count());
}

void DiagnosticsView::clear()
{
    setDiagnostics({});
}

void DiagnosticsView::setProjectRoot(const QString& folder)
{
    if (folder == m_projectRoot)
        return;
    m_projectRoot = folder;
    rebuild();
}

int DiagnosticsView::errorCount() const
{
    return int(std::count_if(m_diagnostics.cbegin(), m_diagnostics.cend(),
                             [](const Diagnostic& d) { return d.isError(); }));
}

int DiagnosticsView::warningCount() const
{
    return int(std::count_if(m_diagnostics.cbegin(), m_diagnostics.cend(), [](const Diagnostic& d) {
        return d.severity == Diagnostic::Severity::Warning;
    }));
}

QString DiagnosticsView::summary() const
{
    if (m_diagnostics.isEmpty())
        return tr("No problems found");
    QStringList parts;
    const int errors = errorCount();
    const int warnings = warningCount();
    const int notes = count() - errors - warnings;
    if (errors > 0)
        parts << (errors == 1 ? tr("%n error", nullptr, errors) : tr("%n errors", nullptr, errors));
    if (warnings > 0)
        parts << (warnings == 1 ? tr("%n warning", nullptr, warnings)
                                : tr("%n warnings", nullptr, warnings));
    if (notes > 0)
        parts << (notes == 1 ? tr("%n note", nullptr, notes) : tr("%n notes", nullptr, notes));
    return parts.join(QLatin1String(", "));
}

void DiagnosticsView::rebuild()
{
    m_view->setSortingEnabled(false); // insert in bulk, then sort once
    m_view->clear();
    QList<QTreeWidgetItem*> items;
    items.reserve(m_diagnostics.size());
    for (const Diagnostic& diagnostic : std::as_const(m_diagnostics)) {
        auto* item = new QTreeWidgetItem;
        const QString severity = diagnostic.isError() ? tr("Error")
                                 : diagnostic.severity == Diagnostic::Severity::Warning
                                     ? tr("Warning")
                                     : tr("Note");
        item->setIcon(SeverityColumn, style()->standardIcon(severityPixmap(diagnostic.severity)));
        item->setText(SeverityColumn, severity);
        item->setData(SeverityColumn, Qt::AccessibleTextRole, severity);
        item->setText(FileColumn, displayPath(diagnostic.path));
        item->setToolTip(FileColumn, QDir::toNativeSeparators(diagnostic.path));
        if (diagnostic.line > 0)
            item->setData(LineColumn, Qt::DisplayRole, diagnostic.line); // sorts as a number
        item->setTextAlignment(LineColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(MessageColumn, diagnostic.message);
        item->setToolTip(MessageColumn,
                         diagnostic.revision.isEmpty()
                             ? diagnostic.message
                             : tr("%1\nRevision: %2").arg(diagnostic.message, diagnostic.revision));
        item->setData(SeverityColumn, kPathRole, diagnostic.path);
        item->setData(SeverityColumn, kLineRole, diagnostic.line);
        items.append(item);
    }
    m_view->addTopLevelItems(items);
    m_view->setSortingEnabled(true);
    if (!items.isEmpty()) {
        m_view->resizeColumnToContents(SeverityColumn);
        m_view->resizeColumnToContents(FileColumn);
        m_view->resizeColumnToContents(LineColumn);
    }
    m_summary->setText(summary());
}

QString DiagnosticsView::displayPath(const QString& path) const
{
    if (path.isEmpty())
        return tr("(project)");
    if (m_projectRoot.isEmpty())
        return QDir::toNativeSeparators(path);
    const QString relative = QDir(m_projectRoot).relativeFilePath(path);
    return QDir::toNativeSeparators(relative.startsWith(QLatin1String("../")) ? path : relative);
}

void DiagnosticsView::activate(QTreeWidgetItem* item)
{
    if (!item)
        return;
    const QString path = item->data(SeverityColumn, kPathRole).toString();
    if (path.isEmpty())
        return;
    emit diagnosticActivated(path, item->data(SeverityColumn, kLineRole).toInt());
}

void DiagnosticsView::setProject(const ProjectSnapshot& project)
{
    setProjectRoot(project.root());
    setDiagnostics(project.graph ? project.graph->diagnostics() : Diagnostics());
}

} // namespace retort
