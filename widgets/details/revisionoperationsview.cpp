#include "widgets/details/revisionoperationsview.h"

#include <QLabel>
#include <QRegularExpression>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace retort {

namespace {

constexpr QLatin1String kLineScheme("line:");
constexpr int kSqlLines = 12; // raw SQL longer than this is cut (the script has all of it)

QString lineLink(int line, const QString& html)
{
    if (line <= 0)
        return html;
    return QStringLiteral("<a href=\"%1%2\">%3</a>").arg(kLineScheme).arg(line).arg(html);
}

QString sqlBlock(const QString& sql)
{
    QStringList lines = sql.trimmed().split(QLatin1Char('\n'));
    if (lines.size() > kSqlLines) {
        lines = lines.mid(0, kSqlLines);
        lines << QStringLiteral("…");
    }
    // Wrapped at the pane's width, in the fixed font: SQL as written.
    return QStringLiteral("<p style=\"white-space: pre-wrap; font-family: monospace; "
                          "margin-left: 12px; margin-top: 2px\">%1</p>")
        .arg(lines.join(QLatin1Char('\n')).toHtmlEscaped());
}

} // namespace

RevisionOperationsView::RevisionOperationsView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* caption = new QLabel(tr("Operations:"));
    m_text = new QLabel;
    m_text->setObjectName(QLatin1String(kTextField));
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_text->setTextFormat(Qt::RichText);
    // Links reachable by Tab, activated by Enter; text selectable by mouse.
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setOpenExternalLinks(false);
    m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    caption->setBuddy(m_text);
    connect(m_text, &QLabel::linkActivated, this, &RevisionOperationsView::activateLink);
    layout->addWidget(caption);
    layout->addWidget(m_text);
    rebuild();
}

RevisionOperationsView::~RevisionOperationsView() = default;

void RevisionOperationsView::setIndex(std::shared_ptr<const MigrationOpsIndex> index, bool reading)
{
    m_index = std::move(index);
    m_reading = reading;
    rebuild();
}

void RevisionOperationsView::setRevision(const QString& id, const QString& path)
{
    if (id == m_id && path == m_path)
        return;
    m_id = id;
    m_path = path;
    rebuild();
}

QString RevisionOperationsView::plainText() const
{
    return QTextDocumentFragment::fromHtml(m_text->text()).toPlainText();
}

QStringList RevisionOperationsView::links() const
{
    static const QRegularExpression href(QStringLiteral("href=\"([^\"]*)\""));
    QStringList found;
    for (auto it = href.globalMatch(m_text->text()); it.hasNext();)
        found << it.next().captured(1);
    return found;
}

void RevisionOperationsView::rebuild()
{
    setVisible(!m_id.isEmpty());
    if (m_id.isEmpty()) {
        m_text->clear();
        return;
    }
    const MigrationOps* ops = m_index ? m_index->ops(m_id) : nullptr;
    if (!ops) {
        m_text->setText(m_reading || !m_index
                            ? tr("<i>Reading operations…</i>")
                            : tr("<i>Not read: the revision has no script Retort could read.</i>"));
        return;
    }
    if (!ops->error.isEmpty()) {
        m_text->setText(tr("<i>Not read: %1</i>").arg(ops->error.toHtmlEscaped()));
        return;
    }
    m_text->setText(functionHtml(tr("Upgrade"), ops->upgrade) +
                    functionHtml(tr("Downgrade"), ops->downgrade));
}

QString RevisionOperationsView::functionHtml(const QString& caption,
                                             const MigrationFunction& function) const
{
    QString html = QStringLiteral("<p style=\"margin-bottom: 2px\"><b>%1</b></p>")
                       .arg(caption.toHtmlEscaped());
    QStringList items;
    if (!function.present) {
        items << tr("<i>No such function in the script</i>");
    } else if (function.ops.isEmpty() && function.raisesLine <= 0) {
        items << lineLink(function.line, function.empty ? tr("Does nothing (the body is empty)")
                                                        : tr("No operations"));
    }
    for (const MigrationOp& op : function.ops) {
        // Literal SQL is shown whole below its line, as SQL; other ops in plain words.
        const bool sql = op.kind == MigrationOp::Kind::Execute && op.sqlIsLiteral &&
                         !op.sql.trimmed().isEmpty();
        QString item = lineLink(op.line, sql ? tr("Runs raw SQL (never read as schema):")
                                             : MigrationOpText::describe(op).toHtmlEscaped());
        if (op.kind == MigrationOp::Kind::NotRead)
            item = QStringLiteral("<i>%1</i>").arg(item);
        if (sql)
            item += sqlBlock(op.sql);
        items << item;
    }
    if (function.raisesLine > 0) {
        const QString raises = function.raises.isEmpty() ? QStringLiteral("?") : function.raises;
        items << lineLink(function.raisesLine,
                          tr("Raises %1").arg(raises.toHtmlEscaped()));
    }
    html += QStringLiteral("<ul style=\"margin-top: 0px; margin-left: 12px; "
                           "-qt-list-indent: 0\">");
    for (const QString& item : std::as_const(items))
        html += QStringLiteral("<li>%1</li>").arg(item);
    html += QStringLiteral("</ul>");
    return html;
}

void RevisionOperationsView::activateLink(const QString& link)
{
    if (!link.startsWith(kLineScheme) || m_path.isEmpty())
        return;
    bool ok = false;
    const int line = link.mid(kLineScheme.size()).toInt(&ok);
    if (ok && line > 0)
        emit openScriptRequested(m_path, line);
}

} // namespace retort
