#include "widgets/welcome/welcomepage.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace retort {

namespace {

constexpr int kMargin = 6;

// The folder name in bold, the path (and section) below in the normal font; a missing entry
// in the disabled colour with "(missing)" after its name.
class RecentDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString name = opt.text;
        opt.text.clear();
        QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

        const bool missing = index.data(WelcomePage::MissingRole).toBool();
        const bool selected = opt.state & QStyle::State_Selected;
        QPalette::ColorGroup group = missing ? QPalette::Disabled : QPalette::Normal;
        if (!(opt.state & QStyle::State_Active) && !missing)
            group = QPalette::Inactive;
        const QColor text = opt.palette.color(
            group, selected ? QPalette::HighlightedText : QPalette::Text);

        const QRect area = opt.rect.adjusted(kMargin, kMargin / 2, -kMargin, -kMargin / 2);
        QFont bold = opt.font;
        bold.setBold(true);
        const QFontMetrics boldMetrics(bold);
        const QFontMetrics metrics(opt.font);
        painter->save();
        painter->setPen(text);
        painter->setFont(bold);
        const QString title =
            missing ? WelcomePage::tr("%1 (missing)", "recent project that is gone").arg(name)
                    : name;
        painter->drawText(QRect(area.left(), area.top(), area.width(), boldMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          boldMetrics.elidedText(title, Qt::ElideRight, area.width()));
        painter->setFont(opt.font);
        const QString location = index.data(Qt::ToolTipRole).toString();
        painter->drawText(QRect(area.left(), area.top() + boldMetrics.height(), area.width(),
                                metrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(location, Qt::ElideMiddle, area.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QFont bold = option.font;
        bold.setBold(true);
        const int height =
            QFontMetrics(bold).height() + QFontMetrics(option.font).height() + kMargin;
        const int width = QFontMetrics(option.font).horizontalAdvance(
                              index.data(Qt::ToolTipRole).toString()) +
                          2 * kMargin;
        return {qMin(width, 600), height};
    }
};

} // namespace

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));

    auto* title = new QLabel(tr("Retort"));
    title->setObjectName(QStringLiteral("welcomeTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* subtitle = new QLabel(tr("A desktop workbench for Alembic migrations: the revision "
                                   "graph, the scripts, and where each database stands."));
    subtitle->setWordWrap(true);

    auto* startLabel = new QLabel(tr("Start"));
    QFont headingFont = startLabel->font();
    headingFont.setBold(true);
    startLabel->setFont(headingFont);
    m_open = new QPushButton(QIcon::fromTheme(QStringLiteral("document-open")),
                             tr("&Open Project…"));
    m_open->setObjectName(QStringLiteral("welcomeOpen"));
    m_open->setToolTip(tr("Open an alembic.ini or pyproject.toml (Ctrl+O)"));
    m_demo = new QPushButton(tr("Open the De&mo"));
    m_demo->setObjectName(QStringLiteral("welcomeDemo"));
    m_demo->setToolTip(tr("Open the demo project that comes with Retort"));
    m_demoReason = new QLabel;
    m_demoReason->setObjectName(QStringLiteral("welcomeDemoReason"));
    m_demoReason->setWordWrap(true);
    m_demoReason->setForegroundRole(QPalette::PlaceholderText);
    m_demoReason->hide();
    m_gettingStarted = new QPushButton(tr("&Getting Started"));
    m_gettingStarted->setObjectName(QStringLiteral("welcomeGettingStarted"));
    m_gettingStarted->setToolTip(tr("A short walk through the window on the demo project"));
    auto* dropHint = new QLabel(
        tr("You can also drop an alembic.ini, a pyproject.toml or a project folder on this "
           "window."));
    dropHint->setWordWrap(true);
    dropHint->setForegroundRole(QPalette::PlaceholderText);
    for (QPushButton* button : {m_open, m_demo, m_gettingStarted})
        button->setAutoDefault(true); // Enter presses the focused one
    connect(m_open, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(m_gettingStarted, &QPushButton::clicked, this, &WelcomePage::gettingStartedRequested);

    m_recent = new QListWidget;
    m_recent->setObjectName(QStringLiteral("welcomeRecent"));
    m_recent->setItemDelegate(new RecentDelegate(m_recent));
    m_recent->setUniformItemSizes(true);
    m_recent->setSelectionMode(QAbstractItemView::SingleSelection);
    m_recent->setContextMenuPolicy(Qt::CustomContextMenu);
    m_recent->setAccessibleName(tr("Recent projects"));
    m_recent->installEventFilter(this);
    m_recentLabel = new QLabel(tr("Re&cent Projects"));
    m_recentLabel->setFont(headingFont);
    m_recentLabel->setBuddy(m_recent);
    m_noRecent = new QLabel(tr("Projects you open are listed here."));
    m_noRecent->setObjectName(QStringLiteral("welcomeNoRecent"));
    m_noRecent->setForegroundRole(QPalette::PlaceholderText);
    m_noRecent->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // A click opens (as on a start page), so do Enter and a double-click; the window drops
    // a second request for the project it is already loading.
    connect(m_recent, &QListWidget::clicked, this,
            [this](const QModelIndex& index) { activateRow(index.row()); });
    connect(m_recent, &QListWidget::activated, this,
            [this](const QModelIndex& index) { activateRow(index.row()); });
    connect(m_recent, &QWidget::customContextMenuRequested, this, &WelcomePage::showContextMenu);

    auto* start = new QVBoxLayout;
    start->addWidget(startLabel);
    start->addWidget(m_open);
    start->addWidget(m_demo);
    start->addWidget(m_demoReason);
    start->addWidget(m_gettingStarted);
    start->addSpacing(12);
    start->addWidget(dropHint);
    start->addStretch(1);

    auto* recent = new QVBoxLayout;
    recent->addWidget(m_recentLabel);
    recent->addWidget(m_recent, 1);
    recent->addWidget(m_noRecent, 1); // holds the column's room while the list is hidden

    auto* columns = new QGridLayout;
    columns->setHorizontalSpacing(32);
    auto* titleRow = new QHBoxLayout;
    if (const QIcon icon = QApplication::windowIcon(); !icon.isNull()) {
        auto* logo = new QLabel;
        const int size = title->sizeHint().height() * 3 / 2;
        logo->setPixmap(icon.pixmap(size, size));
        titleRow->addWidget(logo);
    }
    titleRow->addWidget(title, 1);
    columns->addLayout(titleRow, 0, 0, 1, 2);
    columns->addWidget(subtitle, 1, 0, 1, 2);
    columns->setRowMinimumHeight(2, 16);
    columns->addLayout(start, 3, 0, Qt::AlignTop);
    columns->addLayout(recent, 3, 1);
    columns->setColumnStretch(0, 1);
    columns->setColumnStretch(1, 3);
    columns->setRowStretch(3, 1);

    // A column of readable width in the middle of the window, however wide it is.
    auto* body = new QWidget;
    body->setLayout(columns);
    body->setMaximumWidth(900);
    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(24, 24, 24, 24);
    outer->addStretch(1);
    outer->addWidget(body, 6);
    outer->addStretch(1);

    setFocusPolicy(Qt::StrongFocus);
    setRecentProjects({});
}

QString WelcomePage::locationText(const WelcomeEntry& entry)
{
    const QString path = QDir::toNativeSeparators(entry.path);
    if (entry.section.isEmpty() || entry.section == QLatin1StringView("alembic"))
        return path;
    return tr("%1 [%2]", "recent project: path [section]").arg(path, entry.section);
}

void WelcomePage::setRecentProjects(const QList<WelcomeEntry>& entries)
{
    const int row = m_recent->currentRow();
    m_entries = entries;
    m_recent->clear();
    for (const WelcomeEntry& entry : entries) {
        // The project's name is its folder's (as the window's title says).
        auto* item = new QListWidgetItem(QFileInfo(entry.path).absoluteDir().dirName());
        item->setData(PathRole, entry.path);
        item->setData(SectionRole, entry.section);
        item->setData(MissingRole, entry.missing);
        item->setToolTip(locationText(entry));
        item->setData(Qt::AccessibleTextRole,
                      entry.missing ? tr("%1, missing: %2").arg(item->text(), locationText(entry))
                                    : tr("%1: %2").arg(item->text(), locationText(entry)));
        if (entry.missing)
            item->setStatusTip(tr("Not found. Press Delete to remove it from the list."));
        m_recent->addItem(item);
    }
    if (!entries.isEmpty())
        m_recent->setCurrentRow(qBound(0, row, int(entries.size()) - 1));
    m_recent->setVisible(!entries.isEmpty());
    m_noRecent->setVisible(entries.isEmpty());
    updateFocusProxy();
}

void WelcomePage::setDemoAvailable(bool available, const QString& reasonIfNot)
{
    m_demo->setEnabled(available);
    m_demoReason->setText(available ? QString() : reasonIfNot);
    m_demoReason->setVisible(!available && !reasonIfNot.isEmpty());
    updateFocusProxy();
}

// The page takes the focus for its list when it has entries (Up/Down and Enter open one),
// otherwise for Open Project….
void WelcomePage::updateFocusProxy()
{
    const bool hadFocus = hasFocus() || (focusProxy() && focusProxy()->hasFocus());
    setFocusProxy(m_entries.isEmpty() ? static_cast<QWidget*>(m_open)
                                      : static_cast<QWidget*>(m_recent));
    if (hadFocus)
        setFocus();
}

void WelcomePage::activateRow(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    const WelcomeEntry entry = m_entries.at(row);
    if (entry.missing)
        return; // said on the entry itself; Delete takes it off the list
    emit recentActivated(entry.path, entry.section);
}

void WelcomePage::removeRow(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    const WelcomeEntry entry = m_entries.at(row);
    emit removeRequested(entry.path, entry.section);
}

void WelcomePage::showContextMenu(const QPoint& pos)
{
    const int row = m_recent->indexAt(pos).row();
    if (row < 0)
        return;
    QMenu menu(this);
    QAction* open = menu.addAction(tr("&Open"));
    open->setEnabled(!m_entries.at(row).missing);
    QAction* remove = menu.addAction(tr("&Remove from List"));
    QAction* chosen = menu.exec(m_recent->viewport()->mapToGlobal(pos));
    if (chosen == open)
        activateRow(row);
    else if (chosen == remove)
        removeRow(row);
}

bool WelcomePage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_recent && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
            removeRow(m_recent->currentRow());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace retort
