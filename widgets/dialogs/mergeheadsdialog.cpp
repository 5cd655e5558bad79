#include "widgets/dialogs/mergeheadsdialog.h"

#include "model/graph/revisiongraph.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace retort {

MergeHeadsDialog::MergeHeadsDialog(std::shared_ptr<const RevisionGraph> graph, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("mergeHeadsDialog"));
    setWindowTitle(tr("Merge Heads"));
    m_message = new QLineEdit;
    m_message->setObjectName(QStringLiteral("mergeMessage"));
    m_message->setText(tr("merge heads"));
    m_heads = new QListWidget;
    m_heads->setObjectName(QStringLiteral("mergeHeads"));
    if (graph) {
        for (const QString& head : graph->heads()) {
            const Revision* r = graph->revision(head);
            const QString message = r ? r->message : QString();
            auto* item =
                new QListWidgetItem(message.isEmpty() ? head : tr("%1 — %2").arg(head, message));
            item->setData(Qt::UserRole, head);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(Qt::Checked);
            m_heads->addItem(item);
        }
    }
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Me&rge"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Message:"), m_message);
    form->addRow(tr("&Heads:"), m_heads);
    form->addRow(m_buttons);
    connect(m_message, &QLineEdit::textChanged, this, &MergeHeadsDialog::updateOk);
    connect(m_heads, &QListWidget::itemChanged, this, &MergeHeadsDialog::updateOk);
    updateOk();
    resize(480, 320);
}

QString MergeHeadsDialog::message() const
{
    return m_message->text().trimmed();
}

void MergeHeadsDialog::setMessage(const QString& message)
{
    m_message->setText(message);
}

QStringList MergeHeadsDialog::selectedHeads() const
{
    QStringList out;
    for (int i = 0; i < m_heads->count(); ++i)
        if (m_heads->item(i)->checkState() == Qt::Checked)
            out << m_heads->item(i)->data(Qt::UserRole).toString();
    return out;
}

void MergeHeadsDialog::setSelectedHeads(const QStringList& heads)
{
    for (int i = 0; i < m_heads->count(); ++i) {
        QListWidgetItem* item = m_heads->item(i);
        item->setCheckState(heads.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                : Qt::Unchecked);
    }
}

QStringList MergeHeadsDialog::arguments() const
{
    return QStringList{QStringLiteral("merge"), QStringLiteral("-m"), message()} + selectedHeads();
}

void MergeHeadsDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!message().isEmpty() && selectedHeads().size() >= 2);
}

} // namespace retort
