// Issue 11: "Export is not what the window shows." SVG and PNG exports are the graph scene
// itself (badges, head / merge / branch point glyphs, applied / pending styling, database
// markers); the dialog proposes "<project>-graph.svg" in the project folder.
#include "derivedstates.h"
#include "widgets/graph/databasemarkeritem.h"
#include "widgets/graph/exportgraphdialog.h"
#include "widgets/graph/graphpicture.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "model/graph/revisiongraph.h"
#include "widgets/graph/revisionnodeitem.h"
#include "model/layout/graphvizlayouter.h"
#include "app/mainwindow.h"
#include "model/project/projectloader.h"
#include "app/settings.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace retort;
using retort::test::derived;

namespace {

const QString kDemo = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/alembic.ini");

// Every text of an SVG document, in order.
QStringList svgTexts(const QByteArray& svg)
{
    QStringList texts;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement &&
            xml.name() == QLatin1StringView("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
    }
    if (xml.hasError())
        texts << QStringLiteral("XML ERROR: ") + xml.errorString();
    return texts;
}

} // namespace

class TestGraphPicture : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const auto loaded = ProjectLoader::load(kDemo);
        QVERIFY(loaded.ok());
        m_graph = loaded->graph;
        m_layout = GraphvizLayouter::layoutNow(*m_graph);
        QVERIFY(m_layout.isValid());
    }

    void svgIsWhatTheWindowDraws()
    {
        GraphScene scene;
        scene.setGraph(m_graph, m_layout);
        const QStringList heads = m_graph->heads();
        scene.setDatabaseStates(derived(scene.graph(), {{QStringLiteral("default"), DatabaseState::fromRows({heads.first()})},
                                 {QStringLiteral("staging"), DatabaseState::fromRows({heads.last()})}}),
                                QStringLiteral("default"));
        scene.selectRevision(heads.last());
        scene.setSearchMatches({heads.first()});

        const QStringList with = svgTexts(GraphPicture::record(scene, true).toSvg(QStringLiteral("demo")));
        QVERIFY2(!with.join(u'|').contains(QStringLiteral("XML ERROR")), qPrintable(with.join(u'|')));
        QVERIFY2(with.contains(QStringLiteral("reporting")), qPrintable(with.join(u'|'))); // a label badge
        QVERIFY(with.contains(QStringLiteral("H")));       // the head glyph
        QVERIFY(with.contains(QStringLiteral("M")));       // the merge point glyph
        QVERIFY(with.contains(QStringLiteral("default"))); // the database markers
        QVERIFY(with.contains(QStringLiteral("staging")));
        QVERIFY(with.contains(QStringLiteral("Showing: default — at %1").arg(heads.first())));
        QVERIFY(with.contains(heads.first()));             // the short ids

        const QStringList without = svgTexts(GraphPicture::record(scene, false).toSvg(QStringLiteral("demo")));
        QVERIFY(without.contains(QStringLiteral("reporting")));
        QVERIFY(without.contains(QStringLiteral("H")));
        QVERIFY(!without.contains(QStringLiteral("default")));
        QVERIFY(!without.contains(QStringLiteral("staging")));
        QVERIFY(!without.join(u'|').contains(QStringLiteral("Showing:")));

        // The selection and the search matches are not part of the picture (no halo, no
        // emphasised edge, no marker-pen) ...
        GraphScene plain;
        plain.setGraph(m_graph, m_layout);
        plain.setDatabaseStates(derived(plain.graph(), {{QStringLiteral("default"), DatabaseState::fromRows({heads.first()})},
                                 {QStringLiteral("staging"), DatabaseState::fromRows({heads.last()})}}),
                                QStringLiteral("default"));
        QCOMPARE(GraphPicture::record(scene, true).toImage(1).value(),
                 GraphPicture::record(plain, true).toImage(1).value());
        // ... and the scene is left as it was: selection and overlay.
        QCOMPARE(scene.currentRevision(), heads.last());
        QVERIFY(scene.nodeItem(heads.last())->isSelected());
        QCOMPARE(scene.searchMatches(), QStringList{heads.first()});
        QVERIFY(scene.isDatabaseOverlayShown());
        QVERIFY(scene.markerItems().first()->isVisible());
    }

    void pngHasTheChosenSize()
    {
        GraphScene scene;
        scene.setGraph(m_graph, m_layout);
        const GraphPicture picture = GraphPicture::record(scene, false);
        QVERIFY(!picture.isEmpty());
        for (const qreal scale : {1.0, 2.5}) {
            const Result<QByteArray> png = picture.toPng(scale);
            QVERIFY2(png.ok(), qPrintable(png.error()));
            const QImage image = QImage::fromData(png.value(), "PNG");
            QCOMPARE(image.size(), picture.pixelSize(scale));
            QCOMPARE(image.width(), int(std::ceil(picture.size().width() * scale)));
            QVERIFY(image.width() > 300 * scale);
        }
        QVERIFY(!picture.toPng(1000).ok()); // too big to hold: an error, not a crash
    }

    // A 5,000-revision graph: recording (the GUI thread's part) is quick; rendering the
    // picture happens on a worker.
    void bigGraphRecordsQuickly()
    {
        QList<Revision> revisions;
        QString previous;
        GraphLayout layout;
        for (int i = 0; i < 5000; ++i) {
            Revision r;
            r.id = QStringLiteral("%1").arg(i, 12, 16, QLatin1Char('0'));
            r.message = QStringLiteral("revision number %1").arg(i);
            if (!previous.isEmpty())
                r.downRevisions = {previous};
            revisions.append(r);
            previous = r.id;
            layout.nodes.append({r.id, QPointF(100, 50.0 * (5000 - i)), QSizeF(180, 28)});
            layout.boundingBox |= QRectF(QPointF(10, 50.0 * (5000 - i) - 14), QSizeF(180, 28));
        }
        const auto graph = RevisionGraph::build(revisions);
        GraphScene scene;
        scene.setGraph(graph, layout);
        scene.setDatabaseStates(derived(scene.graph(), {{QStringLiteral("dev"), DatabaseState::fromRows({revisions.at(2500).id})}}),
                                QStringLiteral("dev"));
        QElapsedTimer timer;
        timer.start();
        const GraphPicture picture = GraphPicture::record(scene, true);
        const qint64 recorded = timer.restart();
        QFuture<Result<QByteArray>> png =
            QtConcurrent::run([picture] { return picture.toPng(0.5); });
        png.waitForFinished(); // a test may wait; the window does not
        const qint64 rendered = timer.elapsed();
        QVERIFY2(png.result().ok(), qPrintable(png.result().error()));
        QCOMPARE(QImage::fromData(png.result().value(), "PNG").size(), picture.pixelSize(0.5));
        qInfo("5000 revisions: recorded in %lld ms, PNG rendered off the GUI thread in %lld ms",
              recorded, rendered);
        QVERIFY(recorded < 5000);
    }

    void dialogProposesTheProjectsFile()
    {
        QCOMPARE(ExportGraphDialog::proposedFileName(kDemo),
                 QDir(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo")).filePath(QStringLiteral("demo-graph.svg")));
        ExportGraphDialog dialog(QStringLiteral("/p/x-graph.svg"), QSizeF(100, 50));
        QCOMPARE(dialog.format(), ExportGraphDialog::Format::Svg);
        dialog.setFormat(ExportGraphDialog::Format::Png);
        QCOMPARE(dialog.fileName(), QStringLiteral("/p/x-graph.png"));
        dialog.setScale(3);
        QCOMPARE(dialog.pixelSize(), QSize(300, 150));
        dialog.setFileName(QStringLiteral("/p/x.dot"));
        QCOMPARE(dialog.format(), ExportGraphDialog::Format::Dot);
    }

    void windowExportsWhatItShows()
    {
        Settings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        MainWindow window(settings);
        window.resize(1100, 700);
        window.show();
        window.openProject(kDemo);
        GraphScene* scene = window.graphView()->graphScene();
        QTRY_COMPARE_WITH_TIMEOUT(scene->nodeItems().size(), 40, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!scene->caption().isEmpty(), 20000);

        // File → Export Graph proposes demo-graph.svg in the project folder.
        QAction* exportAction = nullptr;
        for (QAction* a : window.findChildren<QAction*>()) {
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E))
                exportAction = a;
        }
        QVERIFY(exportAction);
        exportAction->trigger();
        auto* dialog = window.findChild<ExportGraphDialog*>(QStringLiteral("exportGraphDialog"));
        QVERIFY(dialog);
        QCOMPARE(QDir::cleanPath(dialog->fileName()),
                 QDir::cleanPath(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/demo-graph.svg")));
        QVERIFY(dialog->includeDatabases());
        dialog->reject();

        // Exported with a PNG scale, in the background.
        const QString png = m_dir.filePath(QStringLiteral("demo.png"));
        QString error = QStringLiteral("not finished");
        window.exportGraph(png, false, 2.0, [&error](const QString& e) { error = e; });
        QTRY_VERIFY_WITH_TIMEOUT(error != QStringLiteral("not finished"), 20000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(QImage(png).size(), GraphPicture::record(*scene, false).pixelSize(2.0));

        const QString svg = m_dir.filePath(QStringLiteral("demo.svg"));
        error = QStringLiteral("not finished");
        window.exportGraph(svg, true, 1.0, [&error](const QString& e) { error = e; });
        QTRY_VERIFY_WITH_TIMEOUT(error != QStringLiteral("not finished"), 20000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList texts = svgTexts(file.readAll());
        QVERIFY(texts.contains(QStringLiteral("reporting")));
        QVERIFY2(texts.join(u'|').contains(QStringLiteral("Showing: default — the file demo.db is missing")), qPrintable(texts.join(u'|')));
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const RevisionGraph> m_graph;
    GraphLayout m_layout;
};

QTEST_MAIN(TestGraphPicture)
#include "tst_graphpicture.moc"
