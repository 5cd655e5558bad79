#include "widgets/diagnostics/diagnosticsview.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace retort;

class TestDiagnosticsView : public QObject
{
    Q_OBJECT

private slots:
    void showsRowsAndSummary()
    {
        DiagnosticsView view;
        QCOMPARE(view.count(), 0);
        QCOMPARE(view.summary(), QStringLiteral("No problems found"));

        view.setProjectRoot(QStringLiteral("/p"));
        view.setDiagnostics({
            Diagnostic::error(QStringLiteral("/p/migrations/versions/b.py"), 12,
                              QStringLiteral("cannot read down_revision")),
            Diagnostic::warning(QStringLiteral("/p/migrations/versions/a.py"), 3,
                                QStringLiteral("unknown depends_on")),
            Diagnostic::error(QString(), 0, QStringLiteral("cycle")),
        });
        QCOMPARE(view.count(), 3);
        QCOMPARE(view.errorCount(), 2);
        QCOMPARE(view.warningCount(), 1);
        QCOMPARE(view.summary(), QStringLiteral("2 errors, 1 warning"));
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("diagnosticsSummary"))->text(),
                 view.summary());

        QTreeWidget* tree = view.view();
        QCOMPARE(tree->topLevelItemCount(), 3);
        QStringList files;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            files << tree->topLevelItem(i)->text(DiagnosticsView::FileColumn);
        QVERIFY(files.contains(QStringLiteral("migrations/versions/b.py")));
        QVERIFY(files.contains(QStringLiteral("(project)")));
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            QVERIFY(!tree->topLevelItem(i)->icon(DiagnosticsView::SeverityColumn).isNull());

        view.clear();
        QCOMPARE(tree->topLevelItemCount(), 0);
    }

    void activationEmitsPathAndLine()
    {
        DiagnosticsView view;
        view.setDiagnostics(
            {Diagnostic::error(QStringLiteral("/p/x.py"), 7, QStringLiteral("broken"))});
        QSignalSpy spy(&view, &DiagnosticsView::diagnosticActivated);
        QTreeWidget* tree = view.view();
        emit tree->itemActivated(tree->topLevelItem(0), 0);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("/p/x.py"));
        QCOMPARE(spy.at(0).at(1).toInt(), 7);
    }

    void linesSortAsNumbers()
    {
        DiagnosticsView view;
        view.setDiagnostics({
            Diagnostic::error(QStringLiteral("/x.py"), 10, QStringLiteral("ten")),
            Diagnostic::error(QStringLiteral("/x.py"), 9, QStringLiteral("nine")),
        });
        view.view()->sortByColumn(DiagnosticsView::LineColumn, Qt::AscendingOrder);
        QCOMPARE(view.view()->topLevelItem(0)->text(DiagnosticsView::MessageColumn),
                 QStringLiteral("nine"));
    }
};

QTEST_MAIN(TestDiagnosticsView)
#include "tst_diagnosticsview.moc"
