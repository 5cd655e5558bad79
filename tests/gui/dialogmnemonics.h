#pragma once

// Checks a dialog's keyboard accelerators (the & mnemonics): no two visible widgets share one,
// every input can be reached with one (its own, or a buddy label's), and no label shows an &
// that leads nowhere. Walks the widgets the way people meet them: buttons (push buttons,
// check boxes, radio buttons), labels with buddies, group boxes.
//
//     const QStringList problems = retort::testsupport::mnemonicProblems(&dialog);
//     QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QStringList>
#include <QTextEdit>
#include <QWidget>

namespace retort::testsupport {

// The upper-cased key after the first single '&' of `text`; empty when there is none
// ("&&" is a literal ampersand).
inline QString mnemonicKey(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return QString(text.at(i + 1)).toUpper();
    }
    return {};
}

inline QString describe(const QWidget* w, const QString& text)
{
    QString name = w->objectName();
    if (name.isEmpty())
        name = QString::fromLatin1(w->metaObject()->className());
    return QStringLiteral("%1 “%2”").arg(name, text);
}

// True for widgets inside a compound input (the line edit of a combo box or spin box).
inline bool isPartOfCompound(const QWidget* w, const QWidget* top)
{
    for (const QWidget* p = w->parentWidget(); p && p != top; p = p->parentWidget())
        if (qobject_cast<const QComboBox*>(p) || qobject_cast<const QAbstractSpinBox*>(p))
            return true;
    return false;
}

// Widgets people type into or choose with, which therefore need an accelerator.
inline bool isInput(const QWidget* w)
{
    if (auto* e = qobject_cast<const QLineEdit*>(w))
        return !e->isReadOnly();
    if (auto* e = qobject_cast<const QPlainTextEdit*>(w))
        return !e->isReadOnly();
    if (auto* e = qobject_cast<const QTextEdit*>(w))
        return !e->isReadOnly();
    if (qobject_cast<const QComboBox*>(w) || qobject_cast<const QAbstractSpinBox*>(w))
        return true;
    if (auto* view = qobject_cast<const QAbstractItemView*>(w)) {
        // a list of check boxes is an input; a list that only shows things is not
        if (qobject_cast<const QHeaderView*>(w))
            return false;
        const QAbstractItemModel* model = view->model();
        for (int row = 0; model && row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if ((model->flags(index) & Qt::ItemIsUserCheckable) &&
                model->data(index, Qt::CheckStateRole).isValid())
                return true;
        }
        return false;
    }
    return false;
}

inline QStringList mnemonicProblems(QWidget* dialog)
{
    QStringList problems;
    QHash<QString, QStringList> owners; // key → the widgets that claim it
    QSet<const QWidget*> reached;       // inputs a mnemonic leads to

    const QList<QWidget*> widgets = dialog->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        if (!w->isVisibleTo(dialog))
            continue;
        if (auto* label = qobject_cast<QLabel*>(w)) {
            if (label->textFormat() == Qt::RichText ||
                (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text())))
                continue; // '&' in rich text is markup, not a mnemonic
            const QString key = mnemonicKey(label->text());
            if (key.isEmpty())
                continue;
            if (!label->buddy()) {
                // Without a buddy a label shows its '&' as it is: only a plain-text label
                // meant it that way (a name with an ampersand).
                if (label->textFormat() == Qt::PlainText)
                    continue;
                problems << QStringLiteral("%1 shows an accelerator but has no buddy")
                                .arg(describe(label, label->text()));
                continue;
            }
            owners[key] << describe(label, label->text());
            for (QWidget* b = label->buddy(); b; b = b->focusProxy()) {
                reached.insert(b);
                if (b->focusProxy() == b)
                    break;
            }
        } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
            const QString key = mnemonicKey(button->text());
            if (!key.isEmpty()) {
                owners[key] << describe(button, button->text());
                reached.insert(button);
                continue;
            }
            // Check boxes and radio buttons are inputs; push buttons need one unless they are
            // a button box's standard OK / Cancel / Close (Return and Escape reach those).
            if (qobject_cast<QCheckBox*>(button) || qobject_cast<QRadioButton*>(button)) {
                problems << QStringLiteral("%1 has no accelerator").arg(describe(button, button->text()));
            } else if (qobject_cast<QPushButton*>(button)) {
                auto* box = qobject_cast<QDialogButtonBox*>(button->parentWidget());
                if (!box || box->standardButton(button) == QDialogButtonBox::NoButton)
                    problems << QStringLiteral("%1 has no accelerator")
                                    .arg(describe(button, button->text()));
            }
        } else if (auto* group = qobject_cast<QGroupBox*>(w)) {
            const QString key = mnemonicKey(group->title());
            if (!key.isEmpty())
                owners[key] << describe(group, group->title());
        }
    }
    for (auto it = owners.cbegin(); it != owners.cend(); ++it)
        if (it.value().size() > 1)
            problems << QStringLiteral("Alt+%1 is claimed by %2")
                            .arg(it.key(), it.value().join(QStringLiteral(" and ")));
    for (QWidget* w : widgets) {
        if (!w->isVisibleTo(dialog) || !w->isEnabled() || !isInput(w) || isPartOfCompound(w, dialog))
            continue;
        if (!reached.contains(w))
            problems << QStringLiteral("%1 cannot be reached with an accelerator")
                            .arg(describe(w, QString()));
    }
    problems.sort();
    return problems;
}

} // namespace retort::testsupport
