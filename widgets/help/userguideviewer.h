#pragma once

#include <QDialog>
#include <QStringList>

class QTextBrowser;

namespace retort {

// The local user guide (docs/user-guide.md) in a window of its own: Markdown shown by a
// QTextBrowser, so it works offline. Not modal. When the guide is not found, it says where
// it looked.
class UserGuideViewer : public QDialog
{
    Q_OBJECT

public:
    explicit UserGuideViewer(QWidget* parent = nullptr);

    // Where the guide may be, in order: RETORT_DOCS_DIR, the installed documentation
    // (<prefix>/share/doc/retort), the source tree beside the build.
    static QStringList candidatePaths();
    // The first candidate that exists; empty when none does.
    static QString findGuide();

    // Shows the guide at `path`; false (and a message in the window) when it cannot be read.
    bool showGuide(const QString& path);
    // Shows findGuide(), or the message that no guide was found.
    bool showInstalledGuide();
    QString shownPath() const { return m_path; }
    QTextBrowser* browser() const { return m_browser; }

private:
    QTextBrowser* m_browser = nullptr;
    QString m_path;
};

} // namespace retort
