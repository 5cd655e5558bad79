#include "widgets/details/revisiondetailsview.h"
#include "derivedstates.h"

#include "model/graph/revisiongraph.h"

#include <QClipboard>
#include <QDir>
#include <QTextDocumentFragment>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace retort;
using retort::test::derivedState;

namespace {

Revision makeRevision(const QString& id, QStringList down, QString message = {})
{
    Revision revision;
    revision.id = id;
    revision.downRevisions = std::move(down);
    revision.message = message.isEmpty() ? QStringLiteral("Revision %1").arg(id) : message;
    revision.longDoc = revision.message;
    revision.path = QStringLiteral("/p/migrations/versions/%1.py").arg(id);
    return revision;
}

//   a (base, label "core") ─┬─ b ─┬─ m (merge, message with HTML)
//                           └─ c ─┘
//   x: down_revision "zzz" (no script), depends_on ["core", "b"], one diagnostic
std::shared_ptr<const RevisionGraph> sampleGraph()
{
    Revision a = makeRevision(QStringLiteral("a1"), {});
    a.branchLabels = {QStringLiteral("core")};
    Revision b = makeRevision(QStringLiteral("b2"), {QStringLiteral("a1")});
    Revision c = makeRevision(QStringLiteral("c3"), {QStringLiteral("a1")});
    Revision m = makeRevision(QStringLiteral("m4"), {QStringLiteral("b2"), QStringLiteral("c3")},
                              QStringLiteral("Merge <b>bold</b> & more"));
    m.longDoc = QStringLiteral("Merge <b>bold</b> & more\n\nRevision ID: m4\nRevises: b2, c3\n"
                               "Create Date: 2024-01-02 10:00:00");
    m.createDate = QStringLiteral("2024-01-02 10:00:00");
    Revision x = makeRevision(QStringLiteral("x5"), {QStringLiteral("zzz")});
    x.dependsOn = {QStringLiteral("core"), QStringLiteral("b2")};

    Diagnostics diagnostics{
        Diagnostic::warning(x.path, 4, QStringLiteral("cannot read <thing>"), x.id)};
    return RevisionGraph::build({a, b, c, m, x}, diagnostics);
}

} // namespace

class TestRevisionDetailsView : public QObject
{
    Q_OBJECT

private slots:
    void placeholderWithoutRevision()
    {
        RevisionDetailsView view;
        QVERIFY(view.isShowingPlaceholder());
        QCOMPARE(view.fieldText(RevisionDetailsView::kPlaceholderField),
                 QStringLiteral("Select a revision to see its details"));

        view.setGraph(sampleGraph());
        QVERIFY(view.isShowingPlaceholder());
        view.setRevision(QStringLiteral("nope"));
        QVERIFY(view.isShowingPlaceholder());
        QCOMPARE(view.shownRevision(), QString());
        QCOMPARE(view.requestedRevision(), QStringLiteral("nope"));
        QVERIFY(!view.findChild<QPushButton*>(QLatin1String(RevisionDetailsView::kCopyIdButton))
                     ->isEnabled());
    }

    void showsMergeRevision()
    {
        RevisionDetailsView view;
        view.setProjectRoot(QStringLiteral("/p"));
        view.setGraph(sampleGraph());
        view.setRevision(QStringLiteral("m4"));
        QVERIFY(!view.isShowingPlaceholder());
        QCOMPARE(view.shownRevision(), QStringLiteral("m4"));

        QLabel* id = view.findChild<QLabel*>(QLatin1String(RevisionDetailsView::kIdField));
        QVERIFY(id);
        QCOMPARE(id->text(), QStringLiteral("m4"));
        QVERIFY(id->textInteractionFlags() & Qt::TextSelectableByMouse);

        // HTML in the message shows literally.
        QLabel* message = view.field(RevisionDetailsView::kMessageField);
        QCOMPARE(message->textFormat(), Qt::PlainText);
        QCOMPARE(message->text(), QStringLiteral("Merge <b>bold</b> & more"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kDocField),
                 QStringLiteral("Revision ID: m4\nRevises: b2, c3\n"
                                "Create Date: 2024-01-02 10:00:00"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kDateField),
                 QStringLiteral("2024-01-02 10:00:00"));

        QCOMPARE(view.fieldText(RevisionDetailsView::kMarkersField),
                 QStringLiteral("head, merge point"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kParentsField), QStringLiteral("b2, c3"));
        QVERIFY(view.field(RevisionDetailsView::kParentsField)
                    ->text()
                    .contains(QLatin1String("href=\"rev:b2\"")));
        QCOMPARE(view.fieldText(RevisionDetailsView::kChildrenField), QStringLiteral("none"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kLabelsField),
                 QStringLiteral("core (inherited from a1)"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kPathField),
                 QStringLiteral("migrations/versions/m4.py"));
        QVERIFY(!view.isFieldVisible(RevisionDetailsView::kDependsOnField));
        QVERIFY(!view.isFieldVisible(RevisionDetailsView::kDependentsField));
        QVERIFY(!view.isFieldVisible(RevisionDetailsView::kDiagnosticsField));
        QVERIFY(!view.isFieldVisible(RevisionDetailsView::kDatabaseField));
        QVERIFY(view.isFieldVisible(RevisionDetailsView::kMarkersField));

        // Link labels are reachable from the keyboard.
        QLabel* parents = view.field(RevisionDetailsView::kParentsField);
        QVERIFY(parents->textInteractionFlags() & Qt::LinksAccessibleByKeyboard);
        QVERIFY(parents->focusPolicy() & Qt::TabFocus);
    }

    void showsBaseWithLabelsAndDependents()
    {
        RevisionDetailsView view;
        view.setGraph(sampleGraph());
        view.setRevision(QStringLiteral("a1"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kMarkersField),
                 QStringLiteral("base, branch point"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kParentsField), QStringLiteral("none"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kChildrenField), QStringLiteral("b2, c3"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kLabelsField),
                 QStringLiteral("core (declared)"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kDependentsField), QStringLiteral("x5"));
        QVERIFY(!view.isFieldVisible(RevisionDetailsView::kDocField));
    }

    void showsMissingParentDependsOnAndDiagnostics()
    {
        RevisionDetailsView view;
        view.setProjectRoot(QStringLiteral("/p"));
        view.setGraph(sampleGraph());
        view.setRevision(QStringLiteral("x5"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kParentsField),
                 QStringLiteral("zzz (no script)"));
        QVERIFY(!view.field(RevisionDetailsView::kParentsField)
                     ->text()
                     .contains(QLatin1String("rev:zzz")));
        QCOMPARE(view.fieldText(RevisionDetailsView::kDependsOnField), QStringLiteral("core, b2"));
        QVERIFY(view.field(RevisionDetailsView::kDependsOnField)
                    ->text()
                    .contains(QLatin1String("href=\"rev:a1\">core</a>")));
        QCOMPARE(view.fieldText(RevisionDetailsView::kDependenciesField), QStringLiteral("a1, b2"));

        QVERIFY(view.isFieldVisible(RevisionDetailsView::kDiagnosticsField));
        const QString diagnostics = view.fieldText(RevisionDetailsView::kDiagnosticsField);
        QVERIFY2(diagnostics.contains(QLatin1String("warning, line 4: cannot read <thing>")),
                 qPrintable(diagnostics));
        QVERIFY(view.field(RevisionDetailsView::kDiagnosticsField)
                    ->text()
                    .contains(QLatin1String("&lt;thing&gt;")));
    }

    void linksEmitSignals()
    {
        RevisionDetailsView view;
        view.setProjectRoot(QStringLiteral("/p"));
        view.setGraph(sampleGraph());
        view.setRevision(QStringLiteral("m4"));

        QSignalSpy revisions(&view, &RevisionDetailsView::revisionLinkActivated);
        QSignalSpy scripts(&view, &RevisionDetailsView::openScriptRequested);
        emit view.field(RevisionDetailsView::kParentsField)->linkActivated(QStringLiteral("rev:c3"));
        QCOMPARE(revisions.count(), 1);
        QCOMPARE(revisions.at(0).at(0).toString(), QStringLiteral("c3"));

        QLabel* path = view.field(RevisionDetailsView::kPathField);
        const QString text = path->text();
        const qsizetype start = text.indexOf(QLatin1String("href=\"")) + 6;
        const QString href = text.mid(start, text.indexOf(QLatin1Char('"'), start) - start);
        emit path->linkActivated(href);
        QCOMPARE(scripts.count(), 1);
        QCOMPARE(scripts.at(0).at(0).toString(), QStringLiteral("/p/migrations/versions/m4.py"));
        QCOMPARE(revisions.count(), 1);
    }

    void switchingRevisionsUpdatesEverything()
    {
        RevisionDetailsView view;
        view.setGraph(sampleGraph());
        view.setRevision(QStringLiteral("x5"));
        QVERIFY(view.isFieldVisible(RevisionDetailsView::kDiagnosticsField));
        QVERIFY(view.isFieldVisible(RevisionDetailsView::kDependsOnField));

        view.setRevision(QStringLiteral("b2"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kIdField), QStringLiteral("b2"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kMessageField), QStringLiteral("Revision b2"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kParentsField), QStringLiteral("a1"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kChildrenField), QStringLiteral("m4"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kDependentsField), QStringLiteral("x5"));
        QVERIFY(!view.isFieldVisible(RevisionDetailsView::kDiagnosticsField));
        QVERIFY(!view.isFieldVisible(RevisionDetailsView::kDependsOnField));
        QVERIFY(!view.isFieldVisible(RevisionDetailsView::kMarkersField));

        view.setRevision(QString());
        QVERIFY(view.isShowingPlaceholder());
        QCOMPARE(view.fieldText(RevisionDetailsView::kIdField), QString());

        // A new graph without the revision falls back to the placeholder.
        view.setRevision(QStringLiteral("m4"));
        QVERIFY(!view.isShowingPlaceholder());
        view.setGraph(RevisionGraph::build({makeRevision(QStringLiteral("q"), {})}));
        QVERIFY(view.isShowingPlaceholder());
    }

    void copyButtonCopiesId()
    {
        RevisionDetailsView view;
        view.setGraph(sampleGraph());
        view.setRevision(QStringLiteral("c3"));
        auto* copy = view.findChild<QPushButton*>(QLatin1String(RevisionDetailsView::kCopyIdButton));
        QVERIFY(copy);
        QVERIFY(copy->isEnabled());
        QGuiApplication::clipboard()->clear();
        copy->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("c3"));
    }

    // A 300-character file name elides in the middle; the Copy button stays inside the pane
    // and the tooltip has the whole path.
    void longPathKeepsCopyVisible()
    {
        Revision r = makeRevision(QStringLiteral("a1"), {});
        const QString name = QString(296, u'n') + QStringLiteral(".py");
        r.path = QStringLiteral("/p/migrations/versions/") + name;
        RevisionDetailsView view;
        view.setProjectRoot(QStringLiteral("/p"));
        view.setGraph(RevisionGraph::build({r}));
        view.setRevision(QStringLiteral("a1"));
        view.resize(360, 480);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        auto* copy = view.findChild<QPushButton*>(QLatin1String(RevisionDetailsView::kCopyIdButton));
        QVERIFY(copy->isVisible());
        QTRY_VERIFY2(view.rect().contains(QRect(copy->mapTo(&view, QPoint(0, 0)), copy->size())),
                     qPrintable(QStringLiteral("Copy at x %1 in a pane %2 wide")
                                    .arg(copy->mapTo(&view, QPoint(0, 0)).x())
                                    .arg(view.width())));
        QLabel* path = view.field(RevisionDetailsView::kPathField);
        QVERIFY(view.rect().contains(QRect(path->mapTo(&view, QPoint(0, 0)), path->size())));
        const QString shown = QTextDocumentFragment::fromHtml(path->text()).toPlainText();
        QVERIFY2(shown.contains(QChar(0x2026)), qPrintable(shown)); // …
        QVERIFY(shown.startsWith(QStringLiteral("migrations")));
        QVERIFY(shown.endsWith(QStringLiteral(".py")));
        QCOMPARE(path->toolTip(), QDir::toNativeSeparators(r.path));
        QCOMPARE(view.fieldText(RevisionDetailsView::kPathField),
                 QDir::toNativeSeparators(QStringLiteral("migrations/versions/") + name));

        // Wider pane, more of the path; still one line.
        view.resize(900, 480);
        QTRY_VERIFY(QTextDocumentFragment::fromHtml(path->text()).toPlainText().size() >
                    shown.size());
    }

    // With nothing selected there is nothing to scroll.
    void noScrollBarWhenEmpty()
    {
        RevisionDetailsView view;
        view.setGraph(sampleGraph());
        view.resize(300, 160);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.isShowingPlaceholder());
        QVERIFY(view.field(RevisionDetailsView::kPlaceholderField)->isVisible());
        for (QScrollBar* bar : view.findChildren<QScrollBar*>())
            QVERIFY(!bar->isVisible());
        // A revision's form can scroll; back to nothing, no scroll bar again.
        view.setRevision(QStringLiteral("x5"));
        view.setRevision(QString());
        QTest::qWait(0);
        QVERIFY(view.field(RevisionDetailsView::kPlaceholderField)->isVisible());
        for (QScrollBar* bar : view.findChildren<QScrollBar*>())
            QVERIFY(!bar->isVisible());
    }

    void databaseState()
    {
        RevisionDetailsView view;
        const auto graph = sampleGraph();
        view.setGraph(graph);
        view.setRevision(QStringLiteral("b2"));
        view.setDatabaseState(QStringLiteral("dev"),
                              derivedState(graph, DatabaseState::fromRows({QStringLiteral("b2")})));
        QVERIFY(view.isFieldVisible(RevisionDetailsView::kDatabaseField));
        QCOMPARE(view.fieldText(RevisionDetailsView::kDatabaseField),
                 QStringLiteral("current in dev"));
        view.setRevision(QStringLiteral("a1"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kDatabaseField),
                 QStringLiteral("applied in dev"));
        view.setRevision(QStringLiteral("m4"));
        QCOMPARE(view.fieldText(RevisionDetailsView::kDatabaseField),
                 QStringLiteral("pending in dev"));
        view.clearDatabaseState();
        QVERIFY(!view.isFieldVisible(RevisionDetailsView::kDatabaseField));
    }
};

QTEST_MAIN(TestRevisionDetailsView)
#include "tst_revisiondetailsview.moc"
