#pragma once

#include <QFont>
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

    // The code font and tab width of every editor, those open now and those added later.
    void setEditorSettings(const QFont& font, int tabWidth);
    QFont editorFont() const { return m_font; }
    int tabWidth() const { return m_tabWidth; }

private:
    void applyEditorSettings(ScriptPage* page) const;

    QFont m_font;
    int m_tabWidth = 4;
};

} // namespace retort
