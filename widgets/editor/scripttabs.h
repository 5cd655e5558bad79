#pragma once

#include <QList>
#include <QTabWidget>

namespace retort {

class ScriptPage;

// The open scripts, one tab each: closable, movable, the file name with a marker while
// modified and the full path as tool tip. Closing is asked for with tabCloseRequested();
// whoever owns the files decides (the controller asks about unsaved text).
class ScriptTabs : public QTabWidget
{
    Q_OBJECT

public:
    explicit ScriptTabs(QWidget* parent = nullptr);

    int addPage(ScriptPage* page);
    // Removes and deletes the page.
    void closePage(ScriptPage* page);
    ScriptPage* page(int index) const;
    ScriptPage* currentPage() const;
    ScriptPage* pageForPath(const QString& path) const;
    QList<ScriptPage*> pages() const;
    void updateTitle(ScriptPage* page);
};

} // namespace retort
