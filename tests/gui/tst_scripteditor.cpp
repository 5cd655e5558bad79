// The script editor widgets on their own: find / replace with regular expressions in the
// find bar, go to line, widget-scoped shortcuts, diagnostics markers, and colours that
// follow the palette and survive a lexer change.
#include "model/common/diagnostic.h"
#include "widgets/editor/findbar.h"
#include "widgets/editor/scriptbanner.h"
#include "widgets/editor/scripteditor.h"
#include "widgets/editor/scriptpage.h"

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QWheelEvent>
#include <Qsci/qscilexerpython.h>

using namespace retort;

namespace {

const QString kScript =
    QStringLiteral("\"\"\"add users\"\"\"\n"
                   "revision = 'aaaa00000001'\n"
                   "down_revision = None\n"
                   "\n"
                   "def upgrade():\n"
                   "    op.add_column('users', sa.Column('email_1', sa.String()))\n"
                   "    op.add_column('users', sa.Column('email_2', sa.String()))\n"
                   "\n"
                   "def downgrade():\n"
                   "    pass\n");

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xdd, 0xdd, 0xdd));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

QColor styleBackground(ScriptEditor* editor, int style)
{
    const long bgr = editor->SendScintilla(QsciScintillaBase::SCI_STYLEGETBACK, style);
    return QColor(int(bgr & 0xff), int((bgr >> 8) & 0xff), int((bgr >> 16) & 0xff));
}

} // namespace

class TestScriptEditor : public QObject
{
    Q_OBJECT

private slots:
    void setUp()
    {
        ScriptEditor editor;
        QVERIFY(qobject_cast<QsciLexerPython*>(editor.lexer()));
        QVERIFY(editor.marginLineNumbers(0));
        QVERIFY(editor.folding() != QsciScintilla::NoFoldStyle);
        QCOMPARE(editor.braceMatching(), QsciScintilla::SloppyBraceMatch);
        QVERIFY(editor.SendScintilla(QsciScintillaBase::SCI_GETCARETLINEVISIBLE));
        QVERIFY(editor.indentationGuides());
    }

    void coloursFollowThePalette()
    {
        ScriptEditor editor;
        editor.setPalette(QApplication::palette());
        editor.setText(kScript);
        const QColor lightBase = QApplication::palette().color(QPalette::Base);
        QCOMPARE(styleBackground(&editor, QsciLexerPython::Default), lightBase);
        QVERIFY(!editor.isDarkPalette());

        editor.setPalette(darkPalette());
        QVERIFY(editor.isDarkPalette());
        QCOMPARE(styleBackground(&editor, QsciLexerPython::Default), QColor(0x1e, 0x1e, 0x1e));
        QCOMPARE(styleBackground(&editor, QsciLexerPython::Keyword), QColor(0x1e, 0x1e, 0x1e));
        QVERIFY(editor.lexer()->color(QsciLexerPython::Keyword).lightnessF() > 0.5);

        // Setting a lexer resets QScintilla's colours: they must come back.
        auto* other = new QsciLexerPython(&editor);
        editor.setLexer(other);
        QCOMPARE(styleBackground(&editor, QsciLexerPython::Default), QColor(0x1e, 0x1e, 0x1e));
        QCOMPARE(other->paper(QsciLexerPython::Comment), QColor(0x1e, 0x1e, 0x1e));
    }

    void findAndReplaceWithRegex()
    {
        ScriptPage page(QStringLiteral("/tmp/x.py"));
        page.resize(800, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ScriptEditor* editor = page.editor();
        editor->setText(kScript);
        editor->setFocus();
        QTRY_VERIFY(editor->hasFocus());

        // Ctrl+H in the editor opens the find bar with the replace row.
        QTest::keyClick(editor, Qt::Key_H, Qt::ControlModifier);
        FindBar* bar = page.findBar();
        QTRY_VERIFY(bar->isVisible());
        QVERIFY(bar->isReplaceVisible());
        QTRY_VERIFY(bar->findField()->hasFocus());

        bar->setRegularExpression(true);
        bar->findField()->setText(QStringLiteral("email_(\\d)"));
        QVERIFY(bar->findNext());
        QCOMPARE(editor->selectedText(), QStringLiteral("email_1"));
        QVERIFY(bar->findNext());
        QCOMPARE(editor->selectedText(), QStringLiteral("email_2"));
        QVERIFY(bar->findPrevious());
        QCOMPARE(editor->selectedText(), QStringLiteral("email_1"));

        // One replacement with a captured group, then all the rest as one undo step.
        bar->replaceField()->setText(QStringLiteral("mail\\1"));
        QVERIFY(bar->replaceOne());
        QVERIFY(editor->text().contains(QStringLiteral("'mail1'")));
        QCOMPARE(editor->selectedText(), QStringLiteral("email_2")); // moved on to the next
        bar->findField()->setText(QStringLiteral("'(\\w+)'"));
        bar->replaceField()->setText(QStringLiteral("\"\\1\""));
        QCOMPARE(bar->replaceAll(), 5);
        QCOMPARE(bar->status(), QStringLiteral("5 replaced"));
        QVERIFY(editor->text().contains(QStringLiteral("revision = \"aaaa00000001\"")));
        QVERIFY(editor->text().contains(
            QStringLiteral("op.add_column(\"users\", sa.Column(\"mail1\"")));
        QVERIFY(!editor->text().contains(u'\''));
        editor->undo();
        QVERIFY(editor->text().contains(QStringLiteral("revision = 'aaaa00000001'")));
        QVERIFY(editor->text().contains(QStringLiteral("'mail1'")));

        // No match, and a broken pattern, are said in words.
        bar->findField()->setText(QStringLiteral("nothing_like_this"));
        QVERIFY(!bar->findNext());
        QCOMPARE(bar->status(), QStringLiteral("No matches"));
        bar->findField()->setText(QStringLiteral("(unclosed"));
        QVERIFY(!bar->findNext());
        QVERIFY(bar->status().startsWith(QStringLiteral("Invalid regular expression")));

        // Escape closes the bar and gives the editor its focus back.
        QTest::keyClick(bar->findField(), Qt::Key_Escape);
        QVERIFY(!bar->isVisible());
        QTRY_VERIFY(editor->hasFocus());

        // Ctrl+F: find only; case-sensitive plain text.
        QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(bar->isVisible());
        QVERIFY(!bar->isReplaceVisible());
        bar->setRegularExpression(false);
        bar->setCaseSensitive(true);
        bar->findField()->setText(QStringLiteral("UPGRADE"));
        QVERIFY(!bar->findNext());
        bar->setCaseSensitive(false);
        QVERIFY(bar->findNext());
        QCOMPARE(editor->currentLineNumber(), 5);
    }

    // Ctrl+F seeds the find field with a one-line selection, selected so typing replaces it;
    // Tab goes from the find field to the replace field, then to the buttons.
    void findBarSeedAndTabOrder()
    {
        ScriptPage page(QStringLiteral("/tmp/x.py"));
        page.resize(800, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(QTest::qWaitForWindowActive(&page));
        ScriptEditor* editor = page.editor();
        FindBar* bar = page.findBar();
        editor->setText(kScript);
        editor->setFocus();
        QTRY_VERIFY(editor->hasFocus());

        editor->setSelection(5, 38, 5, 45); // email_1
        QCOMPARE(editor->selectedText(), QStringLiteral("email_1"));
        QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(bar->findField()->hasFocus());
        QCOMPARE(bar->findField()->text(), QStringLiteral("email_1"));
        QCOMPARE(bar->findField()->selectedText(), QStringLiteral("email_1"));

        // A selection over several lines is no search text: the field keeps its own.
        editor->setFocus();
        QTRY_VERIFY(editor->hasFocus());
        editor->setSelection(1, 0, 3, 0);
        QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(bar->findField()->hasFocus());
        QCOMPARE(bar->findField()->text(), QStringLiteral("email_1"));

        // Replace (Ctrl+H) shows the replace row; Tab: find → replace → a button.
        editor->setFocus();
        QTRY_VERIFY(editor->hasFocus());
        QTest::keyClick(editor, Qt::Key_H, Qt::ControlModifier);
        QTRY_VERIFY(bar->findField()->hasFocus());
        QTest::keyClick(bar->findField(), Qt::Key_Tab);
        QTRY_VERIFY(bar->replaceField()->hasFocus());
        QTest::keyClick(bar->replaceField(), Qt::Key_Tab);
        auto* next = qobject_cast<QPushButton*>(QApplication::focusWidget());
        QVERIFY(next);
        QCOMPARE(next->text(), QStringLiteral("&Next"));
        QTest::keyClick(next, Qt::Key_Backtab);
        QTRY_VERIFY(bar->replaceField()->hasFocus());

        // Find only: Tab from the find field goes straight to the buttons.
        QTest::keyClick(bar->replaceField(), Qt::Key_Escape);
        QTRY_VERIFY(editor->hasFocus());
        QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(bar->findField()->hasFocus());
        QTest::keyClick(bar->findField(), Qt::Key_Tab);
        next = qobject_cast<QPushButton*>(QApplication::focusWidget());
        QVERIFY(next);
        QCOMPARE(next->text(), QStringLiteral("&Next"));
    }

    void goToLine()
    {
        ScriptPage page(QStringLiteral("/tmp/x.py"));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ScriptEditor* editor = page.editor();
        editor->setText(kScript);
        editor->setFocus();
        QTRY_VERIFY(editor->hasFocus());
        QTest::keyClick(editor, Qt::Key_G, Qt::ControlModifier);
        QInputDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = page.findChild<QInputDialog*>(QStringLiteral("goToLineDialog"))));
        QCOMPARE(dialog->intMaximum(), editor->lines());
        dialog->setIntValue(9);
        dialog->accept();
        QCOMPARE(editor->currentLineNumber(), 9);
        editor->goToLine(1000); // beyond the end: the last line
        QCOMPARE(editor->currentLineNumber(), editor->lines());
    }

    void shortcutsStayInsideThePage()
    {
        // Two pages: Ctrl+F in one must not open the other's find bar.
        QWidget window;
        auto* first = new ScriptPage(QStringLiteral("/tmp/a.py"), &window);
        auto* second = new ScriptPage(QStringLiteral("/tmp/b.py"), &window);
        first->setGeometry(0, 0, 300, 300);
        second->setGeometry(300, 0, 300, 300);
        QCOMPARE(first->findAction()->shortcutContext(), Qt::WidgetWithChildrenShortcut);
        window.resize(600, 300);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        second->editor()->setFocus();
        QTRY_VERIFY(second->editor()->hasFocus());
        QTest::keyClick(second->editor(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(second->findBar()->isVisible());
        QVERIFY(!first->findBar()->isVisible());
    }

    // Ctrl-chords are commands: QScintilla would type the "+" of Ctrl+Shift+= (and any other
    // character it has no command for). The zoom keys zoom the editor instead.
    void zoomKeysZoomAndNeverType()
    {
        ScriptPage page(QStringLiteral("/tmp/x.py"));
        page.resize(600, 400);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ScriptEditor* editor = page.editor();
        editor->setText(kScript);
        editor->setModified(false);
        editor->setCursorPosition(4, 0);
        editor->setFocus();
        QTRY_VERIFY(editor->hasFocus());
        QCOMPARE(editor->zoomLevel(), 0);

        // What X11 delivers for Ctrl+Shift+= on a US keyboard: Key_Plus with the text "+".
        QTest::sendKeyEvent(QTest::Click, editor, Qt::Key_Plus, QStringLiteral("+"),
                            Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(editor->text(), kScript);
        QCOMPARE(editor->zoomLevel(), 1);
        QTest::sendKeyEvent(QTest::Click, editor, Qt::Key_Equal, QStringLiteral("="),
                            Qt::ControlModifier);
        QCOMPARE(editor->zoomLevel(), 2);
        QTest::sendKeyEvent(QTest::Click, editor, Qt::Key_Plus, QStringLiteral("+"),
                            Qt::ControlModifier | Qt::KeypadModifier);
        QCOMPARE(editor->zoomLevel(), 3);
        QTest::sendKeyEvent(QTest::Click, editor, Qt::Key_Minus, QStringLiteral("-"),
                            Qt::ControlModifier);
        QCOMPARE(editor->zoomLevel(), 2);
        QTest::sendKeyEvent(QTest::Click, editor, Qt::Key_0, QStringLiteral("0"),
                            Qt::ControlModifier);
        QCOMPARE(editor->zoomLevel(), 0);
        QCOMPARE(editor->text(), kScript);
        QVERIFY(!editor->isModified());

        // Other chords Scintilla has no command for type nothing either…
        for (const auto& [key, text] : {std::pair{Qt::Key_Period, "."}, {Qt::Key_Slash, "/"},
                                        {Qt::Key_J, "j"}, {Qt::Key_Semicolon, ";"}}) {
            QTest::sendKeyEvent(QTest::Click, editor, key, QString::fromLatin1(text),
                                Qt::ControlModifier);
#ifndef Q_OS_MACOS // Option types characters there
            QTest::sendKeyEvent(QTest::Click, editor, key, QString::fromLatin1(text),
                                Qt::AltModifier);
#endif
        }
        QCOMPARE(editor->text(), kScript);
        // …while its commands still work (Ctrl+End goes to the end) and plain keys type.
        QTest::keyClick(editor, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(editor->currentLineNumber(), editor->lines());
        QTest::keyClicks(editor, QStringLiteral("x+1"));
        QVERIFY(editor->text().endsWith(QStringLiteral("x+1")));
    }

    void ctrlWheelZooms()
    {
        ScriptEditor editor;
        editor.resize(400, 300);
        editor.setText(kScript);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const QPointF at(100, 100);
        const auto wheel = [&](int delta, Qt::KeyboardModifiers mods) {
            QWheelEvent event(at, editor.viewport()->mapToGlobal(at), QPoint(),
                              QPoint(0, delta), Qt::NoButton, mods, Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(editor.viewport(), &event);
        };
        wheel(120, Qt::ControlModifier);
        QCOMPARE(editor.zoomLevel(), 1);
        wheel(60, Qt::ControlModifier); // half a notch: not yet
        QCOMPARE(editor.zoomLevel(), 1);
        wheel(60, Qt::ControlModifier);
        QCOMPARE(editor.zoomLevel(), 2);
        wheel(-240, Qt::ControlModifier);
        QCOMPARE(editor.zoomLevel(), 0);
        wheel(-120, Qt::NoModifier); // scrolls, does not zoom
        QCOMPARE(editor.zoomLevel(), 0);
        QCOMPARE(editor.text(), kScript);
    }

    void diagnosticsAreMarked()
    {
        ScriptEditor editor;
        editor.setText(kScript);
        Diagnostics diagnostics{
            Diagnostic::error(QStringLiteral("/tmp/x.py"), 3,
                              QStringLiteral("cannot read down_revision")),
            Diagnostic::warning(QStringLiteral("/tmp/x.py"), 5, QStringLiteral("odd")),
            Diagnostic::warning(QStringLiteral("/tmp/x.py"), 0, QStringLiteral("whole file"))};
        editor.setDiagnostics(diagnostics);
        QCOMPARE(editor.markedLines(), (QList<int>{1, 3, 5}));
        QCOMPARE(editor.annotationAt(3), QStringLiteral("cannot read down_revision"));
        QCOMPARE(editor.annotationAt(1), QStringLiteral("whole file"));
        // Colours re-applied (palette change) keep the markers.
        editor.setPalette(darkPalette());
        QCOMPARE(editor.markedLines(), (QList<int>{1, 3, 5}));
        editor.setDiagnostics({});
        QVERIFY(editor.markedLines().isEmpty());
        QVERIFY(editor.annotationAt(3).isEmpty());
    }

    void bannerStates()
    {
        ScriptBanner banner;
        QCOMPARE(banner.state(), ScriptBanner::State::Hidden);
        banner.showChangedOnDisk();
        QCOMPARE(banner.state(), ScriptBanner::State::ChangedOnDisk);
        QVERIFY(banner.message().contains(QStringLiteral("changed on disk")));
        QVERIFY(!banner.reloadButton()->isHidden());
        banner.showDeleted();
        QVERIFY(banner.message().contains(QStringLiteral("deleted")));
        QVERIFY(banner.reloadButton()->isHidden());
        banner.dismiss();
        QVERIFY(banner.isHidden());
    }
};

QTEST_MAIN(TestScriptEditor)
#include "tst_scripteditor.moc"
