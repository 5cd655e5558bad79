#include "widgets/editor/scripttabs.h"

#include "widgets/editor/scripteditor.h"
#include "widgets/editor/scriptpage.h"

#include <QDir>
#include <QFontDatabase>

namespace retort {

ScriptTabs::ScriptTabs(QWidget* parent)
    : QTabWidget(parent), m_font(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{
    setObjectName(QStringLiteral("scriptTabs"));
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    setUsesScrollButtons(true);
    setElideMode(Qt::ElideMiddle);
}

int ScriptTabs::addPage(ScriptPage* page)
{
    applyEditorSettings(page);
    const int index = addTab(page, page->title());
    setTabToolTip(index, QDir::toNativeSeparators(page->path()));
    connect(page, &ScriptPage::modificationChanged, this, [this, page] { updateTitle(page); });
    return index;
}

void ScriptTabs::setEditorSettings(const QFont& font, int tabWidth)
{
    m_font = font;
    m_tabWidth = tabWidth;
    for (ScriptPage* p : pages())
        applyEditorSettings(p);
}

void ScriptTabs::applyEditorSettings(ScriptPage* page) const
{
    if (ScriptEditor* editor = page ? page->editor() : nullptr) {
        editor->setCodeFont(m_font);
        editor->setIndentWidth(m_tabWidth);
    }
}

void ScriptTabs::closePage(ScriptPage* page)
{
    const int index = indexOf(page);
    if (index >= 0)
        removeTab(index);
    delete page;
}

ScriptPage* ScriptTabs::page(int index) const
{
    return qobject_cast<ScriptPage*>(widget(index));
}

ScriptPage* ScriptTabs::currentPage() const
{
    return qobject_cast<ScriptPage*>(currentWidget());
}

ScriptPage* ScriptTabs::pageForPath(const QString& path) const
{
    const QString clean = QDir::cleanPath(path);
    for (int i = 0; i < count(); ++i)
        if (ScriptPage* p = page(i); p && QDir::cleanPath(p->path()) == clean)
            return p;
    return nullptr;
}

QList<ScriptPage*> ScriptTabs::pages() const
{
    QList<ScriptPage*> out;
    for (int i = 0; i < count(); ++i)
        if (ScriptPage* p = page(i))
            out << p;
    return out;
}

void ScriptTabs::updateTitle(ScriptPage* page)
{
    const int index = indexOf(page);
    if (index >= 0)
        setTabText(index, page->title());
}

} // namespace retort
