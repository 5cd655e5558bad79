#include "model/layout/graphexporter.h"

#include "model/common/savefile.h"
#include "model/graph/revisiongraph.h"
#include "model/layout/graphexport.h"

#include <QFileInfo>

namespace retort {

Result<void> GraphExporter::exportTo(const QString& path) const
{
    const Result<QByteArray> bytes = render();
    if (!bytes)
        return Failure{bytes.error()};
    return saveFile(path, *bytes);
}

QString GraphExporter::formatOf(const QString& fileName)
{
    QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1StringView("dot") || suffix == QLatin1StringView("gv"))
        return QStringLiteral("dot");
    if (suffix == QLatin1StringView("svg") || suffix == QLatin1StringView("png"))
        return suffix;
    return {};
}

LayoutExporter::LayoutExporter(QString format, std::shared_ptr<const RevisionGraph> graph,
                               GraphLayout layout)
    : m_format(std::move(format)), m_graph(std::move(graph)), m_layout(std::move(layout))
{
}

Result<QByteArray> LayoutExporter::render() const
{
    if (m_format == QLatin1StringView("dot"))
        return GraphExport::toDot(*m_graph, m_layout);
    if (m_format == QLatin1StringView("svg"))
        return GraphExport::toSvg(*m_graph, m_layout);
    return GraphExport::toPng(*m_graph, m_layout);
}

} // namespace retort
