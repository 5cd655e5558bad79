#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace retort {

// One entry of the welcome page's recent list: a config file, its `-n` section, and whether
// the file was there when the application looked (the page itself never looks at files).
struct WelcomeEntry
{
    QString path;    // the alembic.ini or pyproject.toml
    QString section; // empty or "alembic": the default section
    bool missing = false;

    friend bool operator==(const WelcomeEntry&, const WelcomeEntry&) = default;
};

// What the window shows while no project is open: Open Project…, Open the Demo, Getting
// Started, and the recent projects (folder name in bold, the config's path and section below,
// newest first). A recent project opens on a click, Enter or a double-click; a missing one
// says so and is not opened, and any entry can be taken off the list (Delete, or the context
// menu). The page only asks: the window does the opening and keeps the list.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    enum Role
    {
        PathRole = Qt::UserRole + 1, // WelcomeEntry::path
        SectionRole,                 // WelcomeEntry::section
        MissingRole,                 // bool
    };

    explicit WelcomePage(QWidget* parent = nullptr);

    void setRecentProjects(const QList<WelcomeEntry>& entries);
    QList<WelcomeEntry> recentProjects() const { return m_entries; }
    // Open the Demo: enabled when the demo is installed, otherwise disabled with the reason
    // shown beside it.
    void setDemoAvailable(bool available, const QString& reasonIfNot = {});

    QListWidget* recentList() const { return m_recent; }
    QPushButton* openButton() const { return m_open; }
    QPushButton* demoButton() const { return m_demo; }
    QPushButton* gettingStartedButton() const { return m_gettingStarted; }

    // The line shown under the folder name: the path, and the section when not the default.
    static QString locationText(const WelcomeEntry& entry);

signals:
    void openRequested();
    void demoRequested();
    void gettingStartedRequested();
    void recentActivated(const QString& path, const QString& section);
    void removeRequested(const QString& path, const QString& section);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void activateRow(int row);
    void removeRow(int row);
    void showContextMenu(const QPoint& pos);
    void updateFocusProxy();

    QList<WelcomeEntry> m_entries;
    QPushButton* m_open = nullptr;
    QPushButton* m_demo = nullptr;
    QLabel* m_demoReason = nullptr;
    QPushButton* m_gettingStarted = nullptr;
    QLabel* m_recentLabel = nullptr;
    QListWidget* m_recent = nullptr;
    QLabel* m_noRecent = nullptr;
};

} // namespace retort
