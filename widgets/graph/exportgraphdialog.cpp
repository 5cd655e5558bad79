#include "widgets/graph/exportgraphdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <cmath>

namespace retort {

namespace {

QString suffixOf(ExportGraphDialog::Format format)
{
    switch (format) {
    case ExportGraphDialog::Format::Png:
        return QStringLiteral("png");
    case ExportGraphDialog::Format::Dot:
        return QStringLiteral("dot");
    case ExportGraphDialog::Format::Svg:
        break;
    }
    return QStringLiteral("svg");
}

} // namespace

ExportGraphDialog::ExportGraphDialog(const QString& proposedFile, QSizeF pictureSize,
                                     QWidget* parent)
    : QDialog(parent), m_pictureSize(pictureSize), m_bareSize(pictureSize)
{
    setWindowTitle(tr("Export Graph"));

    m_file = new QLineEdit;
    m_file->setObjectName(QStringLiteral("exportFile"));
    auto* browse = new QPushButton(tr("&Browse…"));
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("SVG image (what the window shows)"), int(Format::Svg));
    m_format->addItem(tr("PNG image (what the window shows)"), int(Format::Png));
    m_format->addItem(tr("Graphviz DOT (graph and positions only)"), int(Format::Dot));

    m_scale = new QDoubleSpinBox;
    m_scale->setObjectName(QStringLiteral("exportScale"));
    m_scale->setRange(0.25, 8.0);
    m_scale->setSingleStep(0.25);
    m_scale->setDecimals(2);
    m_scale->setSuffix(QStringLiteral(" ×"));
    m_scale->setValue(2.0);
    m_pixels = new QLabel;
    m_pixels->setObjectName(QStringLiteral("exportPixels"));
    auto* scaleRow = new QHBoxLayout;
    scaleRow->addWidget(m_scale);
    scaleRow->addWidget(m_pixels, 1);

    m_databases = new QCheckBox(tr("Include the &databases' positions"));
    m_databases->setObjectName(QStringLiteral("exportDatabases"));
    m_databases->setChecked(true);
    m_databases->setToolTip(tr("Markers for each database, applied / pending colours, revisions "
                               "with no script and the \"Showing:\" caption."));

    auto* form = new QFormLayout;
    auto* fileLabel = new QLabel(tr("&File:"));
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    auto* formatLabel = new QLabel(tr("F&ormat:"));
    formatLabel->setBuddy(m_format);
    form->addRow(formatLabel, m_format);
    auto* scaleLabel = new QLabel(tr("&Scale:"));
    scaleLabel->setBuddy(m_scale);
    form->addRow(scaleLabel, scaleRow);
    form->addRow(QString(), m_databases);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportGraphDialog::browse);
    connect(m_file, &QLineEdit::textEdited, this, &ExportGraphDialog::onFileEdited);
    connect(m_file, &QLineEdit::textChanged, this, &ExportGraphDialog::updateControls);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        // The suffix follows the format.
        const QString file = fileName();
        if (!file.isEmpty()) {
            const QFileInfo info(file);
            const QString wanted = suffixOf(format());
            if (info.suffix().toLower() != wanted && !(wanted == QLatin1StringView("dot") &&
                                                       info.suffix().toLower() == QLatin1StringView("gv")))
                m_file->setText(QDir(info.path()).filePath(info.completeBaseName() + u'.' + wanted));
        }
        updateControls();
    });
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, &ExportGraphDialog::updateControls);
    connect(m_databases, &QCheckBox::toggled, this, &ExportGraphDialog::updateControls);

    setFileName(proposedFile);
    m_file->setFocus();
    resize(std::max(sizeHint().width(), 560), sizeHint().height());
}

QString ExportGraphDialog::proposedFileName(const QString& configPath)
{
    const QDir folder = QFileInfo(configPath).absoluteDir();
    QString name = folder.dirName();
    if (name.isEmpty())
        name = QStringLiteral("project");
    return folder.filePath(name + QStringLiteral("-graph.svg"));
}

QString ExportGraphDialog::fileName() const
{
    return m_file->text().trimmed();
}

void ExportGraphDialog::setFileName(const QString& fileName)
{
    m_file->setText(fileName);
    onFileEdited();
}

ExportGraphDialog::Format ExportGraphDialog::format() const
{
    return Format(m_format->currentData().toInt());
}

void ExportGraphDialog::setFormat(Format format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

qreal ExportGraphDialog::scale() const
{
    return m_scale->value();
}

void ExportGraphDialog::setScale(qreal scale)
{
    m_scale->setValue(scale);
}

bool ExportGraphDialog::includeDatabases() const
{
    return m_databases->isChecked();
}

void ExportGraphDialog::setIncludeDatabases(bool include)
{
    m_databases->setChecked(include);
}

QSize ExportGraphDialog::pixelSize() const
{
    const QSizeF size = includeDatabases() ? m_pictureSize : m_bareSize;
    return QSize(int(std::ceil(size.width() * scale())), int(std::ceil(size.height() * scale())));
}

void ExportGraphDialog::setSizeWithoutDatabases(QSizeF size)
{
    m_bareSize = size;
    updateControls();
}

void ExportGraphDialog::onFileEdited()
{
    // The format follows the suffix typed.
    const QString suffix = QFileInfo(fileName()).suffix().toLower();
    Format wanted = format();
    if (suffix == QLatin1StringView("png"))
        wanted = Format::Png;
    else if (suffix == QLatin1StringView("svg"))
        wanted = Format::Svg;
    else if (suffix == QLatin1StringView("dot") || suffix == QLatin1StringView("gv"))
        wanted = Format::Dot;
    if (wanted != format()) {
        const QSignalBlocker blocker(m_format);
        setFormat(wanted);
    }
    updateControls();
}

void ExportGraphDialog::updateControls()
{
    const bool png = format() == Format::Png;
    m_scale->setEnabled(png);
    m_pixels->setEnabled(png);
    const QSize pixels = pixelSize();
    m_pixels->setText(tr("%1 × %2 pixels").arg(pixels.width()).arg(pixels.height()));
    m_databases->setEnabled(format() != Format::Dot);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!fileName().isEmpty());
}

void ExportGraphDialog::browse()
{
    auto* dialog = new QFileDialog(this, tr("Export Graph"), QFileInfo(fileName()).path());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({tr("SVG image (*.svg)"), tr("PNG image (*.png)"),
                            tr("Graphviz DOT (*.dot *.gv)")});
    dialog->selectNameFilter(dialog->nameFilters().at(int(format())));
    dialog->setDefaultSuffix(suffixOf(format()));
    dialog->selectFile(fileName());
    connect(dialog, &QFileDialog::fileSelected, this, &ExportGraphDialog::setFileName);
    dialog->open();
}

} // namespace retort
