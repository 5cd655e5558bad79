#include "widgets/plan/applyseveraldialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QKeyEvent>
#include <QVBoxLayout>

namespace retort {

namespace {

constexpr int kNameRole = Qt::UserRole;

} // namespace

ApplySeveralDialog::ApplySeveralDialog(const QList<Database>& databases,
                                       const QString& selectedRevision, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("applySeveralDialog"));
    setWindowTitle(tr("Apply to Several Databases"));
    auto* layout = new QVBoxLayout(this);

    auto* targetLabel = new QLabel(tr("&Target:"));
    m_target = new QComboBox;
    m_target->setObjectName(QStringLiteral("applySeveralTarget"));
    m_target->setEditable(true);
    m_target->setInsertPolicy(QComboBox::NoInsert);
    if (!selectedRevision.isEmpty())
        m_target->addItem(selectedRevision);
    m_target->addItem(QStringLiteral("heads"));
    m_target->setToolTip(tr("A revision, heads, base, label@head, +1, -1… as alembic takes it"));
    targetLabel->setBuddy(m_target);
    auto* targetRow = new QHBoxLayout;
    targetRow->addWidget(targetLabel);
    targetRow->addWidget(m_target, 1);
    layout->addLayout(targetRow);
    auto* hint = new QLabel(tr("Each database is upgraded or downgraded to the target, as it "
                               "needs; one already there is left alone. The databases run one "
                               "after another in this order, and the first failure stops the "
                               "rest."));
    hint->setWordWrap(true);
    layout->addWidget(hint);

    auto* listLabel = new QLabel(tr("&Databases, in order (Space ticks, Alt+Up and Alt+Down "
                                    "move):"));
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("applySeveralDatabases"));
    listLabel->setBuddy(m_list);
    for (const Database& db : databases) {
        QString text = db.name;
        if (db.isProtected)
            text += tr(" (protected)");
        if (!db.where.isEmpty())
            text += QStringLiteral(" — ") + db.where;
        auto* item = new QListWidgetItem(text, m_list);
        item->setData(kNameRole, db.name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    layout->addWidget(listLabel);

    auto* listRow = new QHBoxLayout;
    listRow->addWidget(m_list, 1);
    auto* moveColumn = new QVBoxLayout;
    m_up = new QPushButton(tr("Move &Up"));
    m_up->setObjectName(QStringLiteral("applySeveralUp"));
    m_down = new QPushButton(tr("Move Do&wn"));
    m_down->setObjectName(QStringLiteral("applySeveralDown"));
    for (QPushButton* b : {m_up, m_down}) {
        b->setAutoDefault(false);
        moveColumn->addWidget(b);
    }
    moveColumn->addStretch(1);
    listRow->addLayout(moveColumn);
    layout->addLayout(listRow, 1);
    connect(m_up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCurrent(+1); });
    // the keyboard moves them from the list itself, without leaving it (eventFilter)
    m_list->installEventFilter(this);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_continue = buttons->addButton(tr("&Show Plans…"), QDialogButtonBox::AcceptRole);
    m_continue->setObjectName(QStringLiteral("applySeveralContinue"));
    m_continue->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_target, &QComboBox::currentTextChanged, this, &ApplySeveralDialog::updateButtons);
    connect(m_list, &QListWidget::itemChanged, this, &ApplySeveralDialog::updateButtons);
    connect(m_list, &QListWidget::currentRowChanged, this, &ApplySeveralDialog::updateButtons);
    updateButtons();
    m_list->setFocus();
    resize(qMax(480, sizeHint().width()), qMax(360, sizeHint().height()));
}

bool ApplySeveralDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() == Qt::AltModifier &&
            (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            moveCurrent(key->key() == Qt::Key_Up ? -1 : +1);
            return true;
        }
        // Return goes on from the list, as from anywhere else in the dialog (the list would
        // take it as activating an item)
        if (key->modifiers() == Qt::NoModifier &&
            (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            if (m_continue->isEnabled())
                m_continue->click();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

QString ApplySeveralDialog::target() const
{
    return m_target->currentText().trimmed();
}

void ApplySeveralDialog::setTarget(const QString& target)
{
    m_target->setEditText(target);
}

QStringList ApplySeveralDialog::chosenProfiles() const
{
    QStringList names;
    for (int row = 0; row < m_list->count(); ++row)
        if (const QListWidgetItem* item = m_list->item(row); item->checkState() == Qt::Checked)
            names << item->data(kNameRole).toString();
    return names;
}

bool ApplySeveralDialog::setChosen(const QString& name, bool chosen)
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* item = m_list->item(row);
        if (item->data(kNameRole).toString() == name) {
            item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

void ApplySeveralDialog::moveCurrent(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_list->count())
        return;
    QListWidgetItem* item = m_list->takeItem(row);
    m_list->insertItem(to, item);
    m_list->setCurrentRow(to);
    updateButtons();
}

void ApplySeveralDialog::updateButtons()
{
    const int row = m_list->currentRow();
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_list->count());
    m_continue->setEnabled(!target().isEmpty() && !chosenProfiles().isEmpty());
}

} // namespace retort
