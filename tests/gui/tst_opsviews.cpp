// Issue 15 in the window: the operations of the selected revision in Details (each a link to
// its line), the Tables dock (timelines, filter, schema at a revision, compare), the lint
// warnings in the diagnostics dock, and the index arriving off the GUI thread.
#include "app/databasesession.h"
#include "app/mainwindow.h"
#include "app/opsindexsession.h"
#include "app/projectsession.h"
#include "app/scriptscontroller.h"
#include "app/settings.h"
#include "model/graph/revisiongraph.h"
#include "model/migration/schemahistory.h"
#include "widgets/details/revisiondetailsview.h"
#include "widgets/details/revisionoperationsview.h"
#include "widgets/diagnostics/diagnosticsview.h"
#include "widgets/editor/scripteditor.h"
#include "widgets/editor/scriptpage.h"
#include "widgets/editor/scripttabs.h"
#include "widgets/graph/graphview.h"
#include "widgets/tables/schemaview.h"
#include "widgets/tables/tabletimelineview.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace retort;

namespace {

const QString kDemo = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo");
const QString kAddLanguage = QStringLiteral("699f5fd8e665"); // adds books.language, page_count
const QString kCreateBooks = QStringLiteral("566bc55a45f8");
const QString kDropSku = QStringLiteral("6dbbef65ed78");     // drops books.legacy_sku
const QString kReporting = QStringLiteral("3a7c6088155f"); // the reporting branch's head
const QString kRawSql = QStringLiteral("eeee00000001");      // added by the test: raw SQL

bool copyTree(const QString& from, const QString& to)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + file.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(file, target))
            return false;
    }
    return true;
}

// A revision after the demo's head whose upgrade Retort can only partly know.
const char* const kRawSqlScript = R"("""Backfill languages

Revision ID: eeee00000001
Revises: da0aaa72870b
Create Date: 2024-07-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = 'eeee00000001'
down_revision = 'da0aaa72870b'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("books", sa.Column("subtitle", sa.String(length=200), nullable=True))
    op.execute("UPDATE books SET language = 'en' WHERE language IS NULL")
    for name in ("a", "b"):
        op.drop_table(name)


def downgrade():
    op.drop_column("books", "subtitle")
)";

int lineOf(const QString& path, const QString& needle)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(needle))
            return i + 1;
    }
    return -1;
}

QString scriptOf(const MainWindow& window, const QString& id)
{
    const Revision* revision = window.session()->graph()->revision(id);
    return revision ? revision->path : QString();
}

} // namespace

class TestOpsViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("demo"));
        QVERIFY(copyTree(kDemo, m_project));
        QFile script(m_project + QStringLiteral("/migrations/versions/eeee00000001_backfill.py"));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(kRawSqlScript);
    }

    void init()
    {
        m_settings = std::make_unique<Settings>(m_dir.filePath(
            QStringLiteral("%1.ini").arg(QLatin1String(QTest::currentTestFunction()))));
        m_window = std::make_unique<MainWindow>(*m_settings);
        m_window->resize(1280, 800);
        m_window->show();
    }

    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
    }

    // The index is read off the GUI thread: a load's snapshot is out before its index, which
    // arrives later through indexChanged().
    void indexArrivesLaterBySignal()
    {
        QSignalSpy loaded(m_window->session(), &ProjectSession::loaded);
        QSignalSpy arrived(m_window->opsIndex(), &OpsIndexSession::indexChanged);
        // Connected after the window's own handlers: runs once the session has the snapshot.
        bool indexAtLoad = true;
        bool readingAtLoad = false;
        qsizetype arrivedAtLoad = -1;
        connect(m_window->session(), &ProjectSession::loaded, this, [&] {
            indexAtLoad = m_window->opsIndex()->index() != nullptr;
            readingAtLoad = m_window->opsIndex()->isReading();
            arrivedAtLoad = arrived.count();
        });
        openDemo(false);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
        QVERIFY(!indexAtLoad);
        QVERIFY(readingAtLoad);
        QCOMPARE(arrivedAtLoad, 0); // not inside the load's delivery
        QTRY_COMPARE_WITH_TIMEOUT(arrived.count(), 1, 30000);
        QVERIFY(!m_window->opsIndex()->isReading());
        QCOMPARE(m_window->opsIndex()->project().graph, m_window->session()->graph());
        QVERIFY(m_window->opsIndex()->index()->ops(kAddLanguage) != nullptr);

        // Directly: setProject() returns at once with the old index; the newest of two wins.
        OpsIndexSession session;
        QSignalSpy changed(&session, &OpsIndexSession::indexChanged);
        ProjectSnapshot first = m_window->session()->project();
        ProjectSnapshot second = first;
        session.setProject(first);
        session.setProject(second);
        QVERIFY(!session.index());
        QVERIFY(session.isReading());
        QVERIFY(changed.wait(30000));
        QTest::qWait(100);
        QCOMPARE(changed.count(), 1);
        QVERIFY(session.index());
        QVERIFY(session.index()->size() >= 40);
    }

    // Details lists the selected revision's operations; a link opens the script at its line.
    void detailsListsOperationsAndOpensTheLine()
    {
        openDemo();
        RevisionDetailsView* details = m_window->detailsView();
        QVERIFY(m_window->graphView()->selectRevision(kAddLanguage));
        QTRY_COMPARE(details->shownRevision(), kAddLanguage);
        RevisionOperationsView* operations = details->operationsView();
        const QString text = operations->plainText();
        QVERIFY2(text.contains(QStringLiteral("books.language")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("books.page_count")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Upgrade")));
        QVERIFY(text.contains(QStringLiteral("Downgrade")));
        QVERIFY(!text.contains(QStringLiteral("Reading operations")));

        const QString path = scriptOf(*m_window, kAddLanguage);
        const int line = lineOf(path, QStringLiteral("\"page_count\", sa.Integer"));
        QVERIFY(line > 0);
        const QStringList links = operations->links();
        QVERIFY2(links.contains(QStringLiteral("line:%1").arg(line)), qPrintable(links.join(u',')));
        emit operations->label()->linkActivated(QStringLiteral("line:%1").arg(line));
        ScriptPage* page = m_window->scriptTabs()->currentPage();
        QVERIFY(page);
        QCOMPARE(QFileInfo(page->path()).canonicalFilePath(), QFileInfo(path).canonicalFilePath());
        QCOMPARE(page->editor()->currentLineNumber(), line);

        // Raw SQL shows as SQL, the loop as not read.
        QVERIFY(m_window->graphView()->selectRevision(kRawSql));
        QTRY_COMPARE(details->shownRevision(), kRawSql);
        const QString raw = operations->plainText();
        QVERIFY2(raw.contains(QStringLiteral("UPDATE books SET language = 'en' WHERE language IS NULL")),
                 qPrintable(raw));
        QVERIFY2(operations->label()->text().contains(QStringLiteral("font-family: monospace")),
                 qPrintable(raw));
        QCOMPARE(raw.count(QStringLiteral("UPDATE books")), 1);
        QVERIFY2(raw.contains(QStringLiteral("Not read"), Qt::CaseInsensitive), qPrintable(raw));
    }

    // Before the index: "Reading operations…"; hand-made ops show as written.
    void operationsViewShowsReadingAndHandMadeOps()
    {
        RevisionOperationsView view;
        view.setRevision(QStringLiteral("abc"), QStringLiteral("/tmp/abc.py"));
        view.setIndex(nullptr, true);
        QVERIFY(view.plainText().contains(QStringLiteral("Reading operations")));

        MigrationOps ops;
        ops.upgrade.present = true;
        MigrationOp notRead;
        notRead.kind = MigrationOp::Kind::NotRead;
        notRead.line = 7;
        notRead.why = QStringLiteral("a helper call");
        MigrationOp sql;
        sql.kind = MigrationOp::Kind::Execute;
        sql.line = 9;
        sql.sql = QStringLiteral("DELETE FROM t");
        sql.sqlIsLiteral = true;
        ops.upgrade.ops = {notRead, sql};
        ops.downgrade.present = true;
        ops.downgrade.empty = true;
        ops.downgrade.line = 12;
        auto index = std::make_shared<MigrationOpsIndex>();
        index->insert(QStringLiteral("abc"), ops);
        view.setIndex(index, false);
        QCOMPARE(view.links(), (QStringList{QStringLiteral("line:7"), QStringLiteral("line:9"),
                                            QStringLiteral("line:12")}));
        QVERIFY(view.label()->text().contains(QStringLiteral("font-family: monospace")));
        QVERIFY(view.plainText().contains(QStringLiteral("DELETE FROM t")));
        QSignalSpy open(&view, &RevisionOperationsView::openScriptRequested);
        emit view.label()->linkActivated(QStringLiteral("line:9"));
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.at(0).at(0).toString(), QStringLiteral("/tmp/abc.py"));
        QCOMPARE(open.at(0).at(1).toInt(), 9);
        // Not in the index and nothing reading: said so, not "reading" forever.
        view.setRevision(QStringLiteral("other"), QString());
        QVERIFY(!view.plainText().contains(QStringLiteral("Reading")));
    }

    // The Tables dock lists the demo's tables; typing a column's name finds its revision.
    void tablesListAndFilterByColumn()
    {
        openDemo();
        TableTimelineView* tables = m_window->tableTimelineView();
        QTRY_VERIFY(tables->placeholderText().isEmpty());
        const QStringList all = tables->visibleTables();
        for (const char* name : {"books", "customers", "orders", "authors", "reviews"})
            QVERIFY2(all.contains(QLatin1String(name)), qPrintable(all.join(u',')));

        tables->setFilterText(QStringLiteral("PAGE_c"));
        QCOMPARE(tables->visibleTables(), QStringList{QStringLiteral("books")});
        const QList<QTreeWidgetItem*> events = tables->visibleEvents(QStringLiteral("books"));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first()->text(TableTimelineView::EventColumn),
                 QStringLiteral("column `page_count` added"));
        QCOMPARE(TableTimelineView::revisionOf(events.first()), kAddLanguage);
        QCOMPARE(events.first()->text(TableTimelineView::MessageColumn),
                 QStringLiteral("Add language and page count to books"));

        // Activating it selects the revision in the graph (and the list).
        emit tables->view()->itemActivated(events.first(), 0);
        QCOMPARE(m_window->graphView()->currentRevision(), kAddLanguage);
        // Open Script at Line opens it at the event's line.
        tables->view()->setCurrentItem(events.first());
        const QList<QAction*> actions = tables->view()->actions();
        QVERIFY(!actions.isEmpty());
        actions.first()->trigger();
        ScriptPage* page = m_window->scriptTabs()->currentPage();
        QVERIFY(page);
        QCOMPARE(page->editor()->currentLineNumber(),
                 lineOf(scriptOf(*m_window, kAddLanguage), QStringLiteral("\"page_count\"")));

        // A column made with its table: found at the table's creation.
        tables->setFilterText(QStringLiteral("email"));
        QVERIFY(tables->visibleTables().contains(QStringLiteral("customers")));
        bool createdWithEmail = false;
        for (QTreeWidgetItem* event : tables->visibleEvents(QStringLiteral("customers")))
            createdWithEmail = createdWithEmail ||
                               event->text(TableTimelineView::EventColumn) ==
                                   QStringLiteral("created, with column `email`");
        QVERIFY(createdWithEmail);

        // A table's own name keeps all its events; Escape in the filter clears it.
        tables->setFilterText(QStringLiteral("books"));
        QVERIFY(tables->visibleTables().contains(QStringLiteral("books")));
        QVERIFY(tables->visibleEvents(QStringLiteral("books")).size() >= 5);
        QCOMPARE(tables->visibleEvents(QStringLiteral("books")).first()->text(0),
                 QStringLiteral("created"));
        QTest::keyClick(tables->filterEdit(), Qt::Key_Escape);
        QCOMPARE(tables->filterText(), QString());
        QCOMPARE(tables->visibleTables(), all);
    }

    // The schema at a revision: its columns, with types as SQL reads them, and the unknowns.
    void schemaAtRevisionShowsColumnsAndUnknowns()
    {
        openDemo();
        SchemaView* schema = m_window->schemaView();
        QSignalSpy shown(schema, &SchemaView::schemaShown);
        // From the graph's context actions: Schema at This Revision.
        QVERIFY(m_window->graphView()->selectRevision(kAddLanguage));
        auto* action = m_window->findChild<QAction*>(QStringLiteral("schemaAtAction"));
        QVERIFY(action);
        action->trigger();
        QVERIFY(m_window->tablesDock()->isVisible());
        QTRY_VERIFY(!shown.isEmpty() && !schema->isComputing());
        QCOMPARE(schema->target(), kAddLanguage);
        const SchemaTable* books = schema->schema().table(QStringLiteral("books"));
        QVERIFY(books);
        QStringList columns;
        for (const SchemaColumn& column : books->columns)
            columns << column.name;
        QVERIFY2(columns.contains(QStringLiteral("language")), qPrintable(columns.join(u',')));
        QVERIFY(columns.contains(QStringLiteral("legacy_sku"))); // dropped only later
        QVERIFY(!columns.contains(QStringLiteral("subtitle")));
        QVERIFY(schema->schema().unknown.isEmpty());
        // The tree shows the type as SQL reads it.
        QTreeWidget* tree = schema->schemaTree();
        QTreeWidgetItem* booksItem = nullptr;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            if (tree->topLevelItem(i)->text(0) == QLatin1String("books"))
                booksItem = tree->topLevelItem(i);
        }
        QVERIFY(booksItem);
        QTreeWidgetItem* language = nullptr;
        for (int i = 0; i < booksItem->childCount(); ++i) {
            if (booksItem->child(i)->text(0) == QLatin1String("language"))
                language = booksItem->child(i);
        }
        QVERIFY(language);
        QCOMPARE(language->text(SchemaView::TypeColumn), QStringLiteral("VARCHAR(8)"));
        QCOMPARE(language->text(SchemaView::NullableColumn), QStringLiteral("yes"));

        // At the raw-SQL revision: the new column, and the places it could not know, with
        // their lines; activating one opens the script there.
        shown.clear();
        schema->setTarget(kRawSql);
        QTRY_VERIFY(!shown.isEmpty() && !schema->isComputing());
        QVERIFY(schema->schema().table(QStringLiteral("books")));
        const QString path = scriptOf(*m_window, kRawSql);
        const int executeLine = lineOf(path, QStringLiteral("op.execute"));
        QVERIFY(executeLine > 0);
        QTreeWidget* unknown = schema->unknownTree();
        QTreeWidgetItem* executeItem = nullptr;
        for (int i = 0; i < unknown->topLevelItemCount(); ++i) {
            if (unknown->topLevelItem(i)->data(1, Qt::DisplayRole).toInt() == executeLine)
                executeItem = unknown->topLevelItem(i);
        }
        QVERIFY2(executeItem, qPrintable(QString::number(unknown->topLevelItemCount())));
        QCOMPARE(executeItem->text(0), kRawSql);
        QVERIFY(!executeItem->text(2).isEmpty());
        bool loopListed = false;
        for (const SchemaUnknown& entry : schema->schema().unknown)
            loopListed = loopListed || (entry.revision == kRawSql && entry.line == executeLine + 1);
        QVERIFY(loopListed);
        emit unknown->itemActivated(executeItem, 0);
        QCOMPARE(m_window->scriptTabs()->currentPage()->editor()->currentLineNumber(), executeLine);

        // An unknown target says why, not a blank schema.
        shown.clear();
        schema->setTarget(QStringLiteral("nosuchrevision"));
        QTRY_VERIFY(!shown.isEmpty() && !schema->isComputing());
        QVERIFY2(schema->statusText().contains(QStringLiteral("nosuchrevision")),
                 qPrintable(schema->statusText()));
    }

    // Compare: from the books table's creation to the revision adding language: added columns.
    void compareListsAddedColumns()
    {
        openDemo();
        SchemaView* schema = m_window->schemaView();
        QSignalSpy shown(schema, &SchemaView::schemaShown);
        m_window->showSchemaAt(kCreateBooks);
        schema->setCompareTarget(kAddLanguage);
        QTRY_VERIFY(!shown.isEmpty() && !schema->isComputing() &&
                    schema->compareTarget() == kAddLanguage && !schema->changes().isEmpty());
        QStringList texts;
        for (const SchemaChange& change : schema->changes())
            texts << SchemaView::changeText(change);
        QVERIFY2(texts.contains(QStringLiteral("column `books.language` added")),
                 qPrintable(texts.join(u';')));
        QVERIFY(texts.contains(QStringLiteral("column `books.page_count` added")));
        QVERIFY(schema->changesTree()->isVisible());
        QCOMPARE(schema->changesTree()->topLevelItemCount(), int(schema->changes().size()));

        // The other way round: the column is removed; a revision after the drop: legacy_sku gone.
        shown.clear();
        schema->setCompareTarget(kDropSku);
        QTRY_VERIFY(!shown.isEmpty() && !schema->isComputing());
        texts.clear();
        for (const SchemaChange& change : schema->changes())
            texts << SchemaView::changeText(change);
        QVERIFY2(!texts.contains(QStringLiteral("column `books.legacy_sku` added")),
                 qPrintable(texts.join(u';')));
    }

    // A database's current revisions are targets too.
    void databaseCurrentRevisionIsATarget()
    {
        QTemporaryDir copy;
        QVERIFY(copy.isValid());
        QVERIFY(copyTree(kDemo, copy.path()));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("opsviews"));
            db.setDatabaseName(copy.filePath(QStringLiteral("demo.db")));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")));
            // On two branches: the main line, and the reporting branch's head.
            QVERIFY(query.exec(QStringLiteral("INSERT INTO alembic_version VALUES ('%1')").arg(kAddLanguage)));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO alembic_version VALUES ('%1')").arg(kReporting)));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("opsviews"));
        m_window->openProject(copy.filePath(QStringLiteral("alembic.ini")));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->opsIndex()->index() != nullptr, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->databases()->hasSelectedState(), 30000);
        SchemaView* schema = m_window->schemaView();
        QString choice;
        QTRY_VERIFY([&] {
            for (const QString& text : schema->targetChoices()) {
                if (text.contains(QStringLiteral(": at ")) && text.contains(kAddLanguage) &&
                    text.contains(kReporting))
                    choice = text;
            }
            return !choice.isEmpty();
        }());
        QSignalSpy shown(schema, &SchemaView::schemaShown);
        schema->setTarget(choice);
        QCOMPARE(schema->target(), QStringList({kReporting, kAddLanguage}).join(u' '));
        QTRY_VERIFY(!shown.isEmpty() && !schema->isComputing());
        QVERIFY2(schema->statusText().startsWith(QStringLiteral("%1 tables at ")
                                                     .arg(schema->schema().tables.size())),
                 qPrintable(schema->statusText()));
        const SchemaTable* books = schema->schema().table(QStringLiteral("books"));
        QVERIFY(books);
        bool language = false;
        bool cover = false;
        for (const SchemaColumn& column : books->columns) {
            language = language || column.name == QLatin1String("language");
            cover = cover || column.name == QLatin1String("cover_image_url");
        }
        QVERIFY(language);
        QVERIFY(!cover); // added on the main line after the database's row
        QVERIFY(schema->schema().table(QStringLiteral("report_inventory_snapshots")));
        QCOMPARE(schema->schema().at, (QStringList{kReporting, kAddLanguage}));
    }

    // The lint warnings join the graph's diagnostics, as warnings; the status bar counts them.
    void lintWarningsReachTheDiagnosticsDock()
    {
        openDemo();
        DiagnosticsView* diagnostics = m_window->diagnosticsView();
        const Diagnostics& lint = m_window->opsIndex()->lint();
        QVERIFY(!lint.isEmpty()); // the demo drops books.legacy_sku
        const int graphCount = int(m_window->session()->graph()->diagnostics().size());
        QCOMPARE(diagnostics->count(), graphCount + int(lint.size()));
        QCOMPARE(diagnostics->errorCount(), 0);
        QVERIFY(diagnostics->warningCount() >= int(lint.size()));
        bool dropListed = false;
        for (const Diagnostic& diagnostic : diagnostics->diagnostics())
            dropListed = dropListed || (diagnostic.revision == kDropSku &&
                                        diagnostic.severity == Diagnostic::Severity::Warning);
        QVERIFY(dropListed);
        QVERIFY(m_window->opsIndex()->warningsByRevision().contains(kDropSku));
        const auto* counts = m_window->findChild<QLabel*>(QStringLiteral("projectCounts"));
        QVERIFY2(counts->text().contains(QStringLiteral("0 diagnostics")), qPrintable(counts->text()));
        QVERIFY2(counts->text().contains(QStringLiteral("migration warning")), qPrintable(counts->text()));
        QVERIFY(diagnostics->summary().contains(QStringLiteral("warning")));

        // A reload keeps them once the new index is read.
        QSignalSpy arrived(m_window->opsIndex(), &OpsIndexSession::indexChanged);
        m_window->session()->reload();
        QVERIFY(arrived.wait(30000));
        QCOMPARE(diagnostics->count(), graphCount + int(m_window->opsIndex()->lint().size()));
    }

private:
    void openDemo(bool wait = true)
    {
        m_window->openProject(m_project + QStringLiteral("/alembic.ini"));
        if (wait)
            QTRY_VERIFY_WITH_TIMEOUT(m_window->opsIndex()->index() != nullptr &&
                                         !m_window->opsIndex()->isReading(),
                                     30000);
    }

    QTemporaryDir m_dir;
    QString m_project;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestOpsViews)
#include "tst_opsviews.moc"
