#include "widgets/settings/settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace retort {

namespace {

QFont systemFixedFont()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

int systemFixedSize()
{
    const QFont font = systemFixedFont();
    return font.pointSize() > 0 ? font.pointSize() : 10;
}

void selectData(QComboBox* box, int value)
{
    const int index = box->findData(value);
    box->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

SettingsDialog::SettingsDialog(const Preferences& kept, QWidget* parent)
    : QDialog(parent), m_kept(kept), m_shown(kept)
{
    setWindowTitle(tr("Configure Retort"));

    m_theme = new QComboBox;
    m_theme->setObjectName(QStringLiteral("themeBox"));
    m_theme->addItem(tr("System (follow the desktop)"), int(Preferences::Theme::System));
    m_theme->addItem(tr("Light"), int(Preferences::Theme::Light));
    m_theme->addItem(tr("Dark"), int(Preferences::Theme::Dark));
    auto* appearance = new QGroupBox(tr("Appearance"));
    auto* appearanceForm = new QFormLayout(appearance);
    appearanceForm->addRow(tr("&Theme:"), m_theme);

    m_font = new QFontComboBox;
    m_font->setObjectName(QStringLiteral("editorFontBox"));
    m_font->setFontFilters(QFontComboBox::MonospacedFonts);
    // The entry the list shows for the system's fixed font ("Monospace" may show as the
    // family it stands for): choosing it is choosing the default.
    m_font->setCurrentFont(systemFixedFont());
    m_systemFamily = m_font->currentFont().family();
    m_fontSize = new QSpinBox;
    m_fontSize->setObjectName(QStringLiteral("editorFontSizeBox"));
    m_fontSize->setRange(Preferences::kMinFontSize, Preferences::kMaxFontSize);
    m_fontSize->setSuffix(tr(" pt"));
    m_fontSize->setAccessibleName(tr("Font size"));
    auto* sizeLabel = new QLabel(tr("Si&ze:"));
    sizeLabel->setBuddy(m_fontSize);
    auto* fontRow = new QHBoxLayout;
    fontRow->addWidget(m_font, 1);
    fontRow->addWidget(sizeLabel);
    fontRow->addWidget(m_fontSize);
    m_tabWidth = new QSpinBox;
    m_tabWidth->setObjectName(QStringLiteral("tabWidthBox"));
    m_tabWidth->setRange(Preferences::kMinTabWidth, Preferences::kMaxTabWidth);
    m_tabWidth->setSuffix(tr(" columns"));
    auto* editor = new QGroupBox(tr("Script Editor"));
    auto* editorForm = new QFormLayout(editor);
    auto* fontLabel = new QLabel(tr("&Font:"));
    fontLabel->setBuddy(m_font);
    editorForm->addRow(fontLabel, fontRow);
    editorForm->addRow(tr("Ta&b width:"), m_tabWidth);

    m_direction = new QComboBox;
    m_direction->setObjectName(QStringLiteral("graphDirectionBox"));
    m_direction->addItem(tr("Newest revisions at the top"), 1);
    m_direction->addItem(tr("Newest revisions at the bottom"), 0);
    m_density = new QComboBox;
    m_density->setObjectName(QStringLiteral("graphDensityBox"));
    m_density->addItem(tr("Compact"), int(Preferences::GraphDensity::Compact));
    m_density->addItem(tr("Normal"), int(Preferences::GraphDensity::Normal));
    m_density->addItem(tr("Spacious"), int(Preferences::GraphDensity::Spacious));
    auto* graph = new QGroupBox(tr("Graph"));
    auto* graphForm = new QFormLayout(graph);
    graphForm->addRow(tr("&Direction:"), m_direction);
    graphForm->addRow(tr("&Spacing:"), m_density);

    m_interpreter = new QLineEdit;
    m_interpreter->setObjectName(QStringLiteral("defaultInterpreterEdit"));
    m_interpreter->setPlaceholderText(tr("None: alembic is found as usual"));
    m_interpreter->setClearButtonEnabled(true);
    // room for a path such as /home/someone/.pyenv/versions/3.12.1/bin/python
    m_interpreter->setMinimumWidth(m_interpreter->fontMetrics().averageCharWidth() * 36);
    auto* browse = new QPushButton(tr("B&rowse…"));
    auto* interpreterRow = new QHBoxLayout;
    interpreterRow->addWidget(m_interpreter, 1);
    interpreterRow->addWidget(browse);
    m_interpreterStatus = new QLabel;
    m_interpreterStatus->setObjectName(QStringLiteral("interpreterStatus"));
    m_interpreterStatus->setWordWrap(true);
    m_interpreterStatus->setTextFormat(Qt::PlainText);
    m_interpreterStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // One line kept for it, so an answer does not squeeze the note below it.
    m_interpreterStatus->setMinimumHeight(m_interpreterStatus->fontMetrics().lineSpacing());
    auto* pythonNote = new QLabel(
        tr("Runs alembic (python -m alembic) for projects that have no interpreter of their "
           "own (Run ▸ Python Interpreter…) and no .venv beside their configuration."));
    pythonNote->setWordWrap(true);
    auto* interpreterColumn = new QVBoxLayout;
    interpreterColumn->addLayout(interpreterRow);
    interpreterColumn->addWidget(m_interpreterStatus);
    interpreterColumn->addWidget(pythonNote);
    auto* python = new QGroupBox(tr("Python"));
    auto* pythonForm = new QFormLayout(python);
    auto* interpreterLabel = new QLabel(tr("Default &interpreter:"));
    interpreterLabel->setBuddy(m_interpreter);
    pythonForm->addRow(interpreterLabel, interpreterColumn);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply |
                                     QDialogButtonBox::Cancel |
                                     QDialogButtonBox::RestoreDefaults);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &SettingsDialog::apply);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setPreferences(Preferences()); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(appearance);
    layout->addWidget(editor);
    layout->addWidget(graph);
    layout->addWidget(python);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    setPreferences(kept);
    for (QComboBox* box : {m_theme, m_direction, m_density})
        connect(box, &QComboBox::currentIndexChanged, this, &SettingsDialog::controlsChanged);
    connect(m_font, &QFontComboBox::currentFontChanged, this, &SettingsDialog::controlsChanged);
    for (QSpinBox* box : {m_fontSize, m_tabWidth})
        connect(box, &QSpinBox::valueChanged, this, &SettingsDialog::controlsChanged);
    connect(m_interpreter, &QLineEdit::editingFinished, this, &SettingsDialog::checkInterpreter);
    connect(m_interpreter, &QLineEdit::textChanged, this, [this] {
        // a path being typed is asked about when editing ends; until then it is not known
        if (m_interpreter->text().trimmed() != m_checkedPath) {
            m_interpreterStatus->clear();
            m_interpreterUsable = m_interpreter->text().trimmed().isEmpty();
            updateButtons();
        }
    });
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::browseInterpreter);
    // asked once whoever opens the dialog has connected to interpreterCheckRequested()
    QMetaObject::invokeMethod(this, &SettingsDialog::checkInterpreter, Qt::QueuedConnection);
}

Preferences SettingsDialog::preferences() const
{
    Preferences p;
    p.theme = Preferences::Theme(m_theme->currentData().toInt());
    // The system's own fixed font and size stay "the default" (they follow the system).
    const QString family = m_font->currentFont().family();
    p.editorFontFamily =
        family == m_systemFamily || family == systemFixedFont().family() ? QString() : family;
    p.editorFontSize = m_fontSize->value() == systemFixedSize() ? 0 : m_fontSize->value();
    p.tabWidth = m_tabWidth->value();
    p.newestOnTop = m_direction->currentData().toInt() == 1;
    p.graphDensity = Preferences::GraphDensity(m_density->currentData().toInt());
    p.defaultInterpreter = m_interpreter->text().trimmed();
    return p;
}

void SettingsDialog::setPreferences(const Preferences& p)
{
    {
        const QSignalBlocker fill(this);
        m_filling = true;
        selectData(m_theme, int(p.theme));
        m_font->setCurrentFont(p.editorFont());
        m_fontSize->setValue(p.editorFontSize > 0 ? p.editorFontSize : systemFixedSize());
        m_tabWidth->setValue(p.tabWidth);
        selectData(m_direction, p.newestOnTop ? 1 : 0);
        selectData(m_density, int(p.graphDensity));
        m_interpreter->setText(p.defaultInterpreter);
        m_filling = false;
    }
    checkInterpreter();
    controlsChanged();
}

void SettingsDialog::controlsChanged()
{
    // Closing moves the focus, which ends a field's editing: nothing is previewed after the
    // dialog was answered.
    if (m_filling || m_closing)
        return;
    const Preferences now = preferences();
    if (now == m_shown)
        return;
    m_shown = now;
    emit previewRequested(now);
}

void SettingsDialog::apply()
{
    controlsChanged();
    if (!m_interpreterUsable)
        return;
    m_kept = preferences();
    emit applyRequested(m_kept);
}

void SettingsDialog::done(int result)
{
    if (result == QDialog::Accepted) {
        apply();
        if (!m_interpreterUsable)
            return; // stays open: the status under the path says why
    } else if (m_shown != m_kept) {
        // Cancel: the live previews go back to what was kept.
        m_shown = m_kept;
        emit previewRequested(m_kept);
    }
    m_closing = true;
    QDialog::done(result);
}

void SettingsDialog::browseInterpreter()
{
    const QString current = m_interpreter->text().trimmed();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Default Python Interpreter"),
        current.isEmpty() ? QString() : QFileInfo(current).absolutePath());
    if (path.isEmpty())
        return;
    m_interpreter->setText(path);
    checkInterpreter();
}

void SettingsDialog::checkInterpreter()
{
    const QString path = m_interpreter->text().trimmed();
    if (path == m_checkedPath && !m_interpreterStatus->text().isEmpty())
        return;
    m_checkedPath = path;
    m_interpreterUsable = true;
    m_interpreterStatus->clear();
    updateButtons();
    if (!path.isEmpty())
        emit interpreterCheckRequested(path);
    controlsChanged();
}

void SettingsDialog::setInterpreterStatus(const QString& path, const QString& text, bool usable)
{
    if (path != m_interpreter->text().trimmed())
        return; // about a path no longer shown
    m_checkedPath = path;
    m_interpreterUsable = usable;
    m_interpreterStatus->setText(text);
    updateButtons();
    // a long answer wraps: the dialog grows rather than clipping the lines below it
    if (layout() && height() < layout()->sizeHint().height())
        resize(width(), layout()->sizeHint().height());
}

void SettingsDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_interpreterUsable);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(m_interpreterUsable);
}

} // namespace retort
