#pragma once

#include "model/common/diagnostic.h"
#include "model/project/projectsnapshot.h"

#include <QString>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace retort {

// The project's diagnostics as a list: severity icon, file (relative to the project folder),
// line and message, with a one-line summary of the counts above it. Activating a row
// (Enter or double-click) emits diagnosticActivated() with the absolute path and line.
class DiagnosticsView : public QWidget
{
    Q_OBJECT

public:
    enum Column
    {
        SeverityColumn,
        FileColumn,
        LineColumn,
        MessageColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit DiagnosticsView(QWidget* parent = nullptr);
    ~DiagnosticsView() override;

    void setDiagnostics(const Diagnostics& diagnostics);
    const Diagnostics& diagnostics() const { return m_diagnostics; }
    void clear();

    // Files are shown relative to this folder.
    void setProjectRoot(const QString& folder);
    // A project loaded: its graph's diagnostics, files relative to its folder.
    void setProject(const ProjectSnapshot& project);

    int count() const { return int(m_diagnostics.size()); }
    int errorCount() const;
    int warningCount() const;
    // "2 errors, 1 warning", or "No problems found".
    QString summary() const;

    QTreeWidget* view() const { return m_view; }

signals:
    void diagnosticActivated(const QString& path, int line);
    void countChanged(int count);

private:
    void rebuild();
    QString displayPath(const QString& path) const;
    void activate(QTreeWidgetItem* item);

    Diagnostics m_diagnostics;
    QString m_projectRoot;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_view = nullptr;
};

} // namespace retort
