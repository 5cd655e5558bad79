// The log pane: lines in order with their time, colours by stream and level, following the
// end until the person scrolls up, copy / clear, and the progress row.
#include "widgets/log/logpane.h"
#include "widgets/log/logview.h"

#include <QApplication>
#include <QClipboard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>

using namespace retort;

namespace {

QColor colourOfLine(LogView& view, int line)
{
    view.flush();
    const QTextBlock block = view.document()->findBlockByNumber(line);
    // the last fragment is the text (the first is the time)
    QColor colour;
    for (auto it = block.begin(); !it.atEnd(); ++it)
        colour = it.fragment().charFormat().foreground().color();
    return colour;
}

} // namespace

class TestLogView : public QObject
{
    Q_OBJECT

private slots:
    void linesKeepOrderAndTime()
    {
        LogView view;
        const QDateTime t(QDate(2026, 11, 25), QTime(12, 34, 56, 789));
        view.appendLine(t, RunEvent::Stream::Stderr, RunEvent::Level::Info,
                        QStringLiteral("INFO  [alembic.runtime.migration] Running upgrade  -> a1"));
        view.appendLine(t, RunEvent::Stream::Stdout, RunEvent::Level::Info, QStringLiteral("out"));
        QCOMPARE(view.lineCount(), 2);
        const QStringList lines = view.logText().split(u'\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("12:34:56.789  INFO")));
        QVERIFY(lines.at(1).endsWith(QStringLiteral("  out")));
    }

    void coloursFollowStreamAndLevel()
    {
        LogView view;
        const QDateTime t = QDateTime::currentDateTime();
        view.appendLine(t, RunEvent::Stream::Stdout, RunEvent::Level::Info, QStringLiteral("a"));
        view.appendLine(t, RunEvent::Stream::Stderr, RunEvent::Level::Info, QStringLiteral("b"));
        view.appendLine(t, RunEvent::Stream::Stderr, RunEvent::Level::Warning, QStringLiteral("c"));
        view.appendLine(t, RunEvent::Stream::Stderr, RunEvent::Level::Error, QStringLiteral("d"));
        view.appendNote(QStringLiteral("e"));
        QSet<QRgb> colours;
        for (int i = 0; i < 5; ++i)
            colours.insert(colourOfLine(view, i).rgb());
        QCOMPARE(colours.size(), 5);
        // an error is not drawn like normal output
        QVERIFY(colourOfLine(view, 3) != colourOfLine(view, 0));
    }

    // Dark palettes: every kind of line stays readable on the dark base, and lines written
    // after the palette changes get the new colours.
    void readableInADarkPalette()
    {
        LogView view;
        QPalette dark = view.palette();
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        view.setPalette(dark);
        const QDateTime t = QDateTime::currentDateTime();
        view.appendLine(t, RunEvent::Stream::Stdout, RunEvent::Level::Info, QStringLiteral("a"));
        view.appendLine(t, RunEvent::Stream::Stderr, RunEvent::Level::Info, QStringLiteral("b"));
        view.appendLine(t, RunEvent::Stream::Stderr, RunEvent::Level::Warning, QStringLiteral("c"));
        view.appendLine(t, RunEvent::Stream::Stderr, RunEvent::Level::Error, QStringLiteral("d"));
        view.appendNote(QStringLiteral("e"));
        const qreal base = QColor(0x1e, 0x1e, 0x1e).lightnessF();
        for (int i = 0; i < 5; ++i) {
            const QColor c = colourOfLine(view, i);
            QVERIFY2(c.lightnessF() - base > 0.35, qPrintable(QString::number(i) + c.name()));
        }
    }

    void followsUntilScrolledUp()
    {
        LogView view;
        view.resize(400, 150);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QDateTime t = QDateTime::currentDateTime();
        for (int i = 0; i < 200; ++i)
            view.appendLine(t, RunEvent::Stream::Stdout, RunEvent::Level::Info,
                            QStringLiteral("line %1").arg(i));
        view.flush();
        QScrollBar* bar = view.verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(view.isFollowing());

        QSignalSpy following(&view, &LogView::followingChanged);
        bar->setValue(bar->maximum() / 2);
        QVERIFY(!view.isFollowing());
        QCOMPARE(following.size(), 1);
        const int kept = bar->value();
        for (int i = 0; i < 50; ++i)
            view.appendLine(t, RunEvent::Stream::Stdout, RunEvent::Level::Info,
                            QStringLiteral("more %1").arg(i));
        view.flush();
        QCOMPARE(bar->value(), kept); // paused: the person's place is kept

        bar->setValue(bar->maximum());
        QVERIFY(view.isFollowing());
        view.appendLine(t, RunEvent::Stream::Stdout, RunEvent::Level::Info, QStringLiteral("end"));
        view.flush();
        QCOMPARE(bar->value(), bar->maximum());
    }

    void copyAndClear()
    {
        LogView view;
        view.appendNote(QStringLiteral("hello"));
        view.copyAll();
        QVERIFY(QApplication::clipboard()->text().endsWith(QStringLiteral("hello")));
        view.clearLog();
        QCOMPARE(view.lineCount(), 0);
    }

    void paneKeepsTheLog()
    {
        // Controllers write through the pane; they never need logView().
        LogPane pane;
        pane.appendLine(QDateTime::currentDateTime(), RunEvent::Stream::Stdout,
                        RunEvent::Level::Info, QStringLiteral("INFO running upgrade"));
        pane.appendNote(QStringLiteral("finished"), RunEvent::Level::Warning);
        QCOMPARE(pane.logView()->lineCount(), 2);
        QVERIFY(pane.logText().contains(QStringLiteral("INFO running upgrade")));
        QVERIFY(pane.logText().endsWith(QStringLiteral("finished")));
    }

    void paneShowsProgressAndStop()
    {
        LogPane pane;
        QSignalSpy stop(&pane, &LogPane::stopRequested);
        QVERIFY(!pane.isStopEnabled());
        pane.setRunning(true, QStringLiteral("Running"));
        QVERIFY(pane.isStopEnabled());
        pane.setProgress(3, 7, QStringLiteral("Upgrading dev: c3 add users"));
        QCOMPARE(pane.progressMaximum(), 7);
        QCOMPARE(pane.progressValue(), 2); // two steps done before the third
        QCOMPARE(pane.statusText(), QStringLiteral("Upgrading dev: c3 add users"));
        pane.findChild<QToolButton*>(QStringLiteral("stopRun"))->click();
        QCOMPARE(stop.size(), 1);
        pane.setRunning(false, QStringLiteral("Done"));
        QVERIFY(!pane.isStopEnabled());
    }
};

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
