<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AlembicRunner</name>
    <message>
        <source>Another alembic command is still running on %1; wait for it to finish or stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stopping alembic: it is asked to end now and is killed if it has not ended after %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphExport</name>
    <message>
        <source>Alembic revision graph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphvizLayouter</name>
    <message>
        <source>Graphviz could not lay out the graph: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphviz could not %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lay out the graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>render the graph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A desktop workbench for Alembic migrations.</source>
        <translation>Eine Werkbank für Alembic-Migrationen.</translation>
    </message>
    <message>
        <source>The project&apos;s alembic.ini or pyproject.toml.</source>
        <translation>Die alembic.ini oder pyproject.toml des Projekts.</translation>
    </message>
    <message>
        <source>The config section to read, as alembic&apos;s -n.</source>
        <translation>Der zu lesende Konfigurationsabschnitt, wie alembics -n.</translation>
    </message>
    <message>
        <source>SECTION</source>
        <translation>ABSCHNITT</translation>
    </message>
    <message>
        <source>After the project has loaded, save the window to FILE (PNG) and quit.</source>
        <translation>Nach dem Laden des Projekts das Fenster als DATEI (PNG) speichern und beenden.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
</context>
<context>
    <name>retort</name>
    <message>
        <source>the ini text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; in [tool.alembic] refers to &apos;%(%3)s&apos;; only %(here)s is known (write %% for a literal percent sign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; in [tool.alembic] has a &apos;%&apos; that is not %(here)s or %% (write %% for a literal percent sign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a valid value for %3 in section [%4]; expected &apos;space&apos;, &apos;newline&apos;, &apos;os&apos;, &apos;:&apos; or &apos;;&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot resolve %1 &apos;%2&apos;: &apos;%3&apos; is not a Python package name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot resolve %1 &apos;%2&apos;: no folder for the Python package &apos;%3&apos; was found in prepend_sys_path, in %4 or in its parent folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; in [tool.alembic] must be a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: script_location in [tool.alembic] must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no script_location in section [%2], and %3 has none in [tool.alembic]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no script_location in [tool.alembic]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no script_location in section [%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>script_location is empty in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: recursive_version_locations in [tool.alembic] must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation type="unfinished">%1, Zeile %2</translation>
    </message>
    <message>
        <source>The file contains NUL bytes: it is not Python source (a binary file?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 and declares no other encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file declares the encoding &apos;%1&apos;, which Retort cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection profile field “%1” must be %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL&apos;s query parameter “%1” has a value Retort cannot use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL&apos;s query parameter “%1” contains &apos;;&apos;, which Qt&apos;s %2 driver cannot pass on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port %1 is out of range (1 to 65535).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alembic fails with an internal error (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid downgrade target from current heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative revision %1 didn&apos;t produce %2 migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is an imported module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is imported from `%1`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is changed by `%1`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is unpacked from `%1`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is assigned inside an if/try/for/with block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::AlembicConfig</name>
    <message>
        <source>No configuration file given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: the file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: it is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: tool.alembic is not a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no [tool.alembic] section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No config section &apos;%1&apos; in %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::AlembicProgram</name>
    <message>
        <source>The Python interpreter &quot;%1&quot; set in the project settings was not found on PATH. Set the Python interpreter in the project settings to the full path of one that has alembic installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Python interpreter %1 set in the project settings does not exist. Set the Python interpreter in the project settings to one that has alembic installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Python interpreter %1 set in the project settings is not an executable file. Set the Python interpreter in the project settings to one that has alembic installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alembic was not found: there is no .venv/bin/alembic or venv/bin/alembic in the project&apos;s folder or the folders above it, no Python interpreter is set in the project settings, and no alembic is on PATH. Set the Python interpreter in the project settings to one that has alembic installed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ConnectionProfile</name>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection profile “%1” has no URL and the configuration sets no sqlalchemy.url.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection profile “%1” has no URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection profile has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection profile has an empty name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection profile “%1” has an empty version table name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid environment variable name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profile %1 is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profile %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two connection profiles are named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::DatabaseListModel</name>
    <message>
        <source>not read yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at base (no version table rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no script)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (alembic.ini)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protected: runs against this database ask you to type its name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where it stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::DatabasesController</name>
    <message>
        <source>Connected: the database is at base.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: the database is at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the connection profile %1? The database itself is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::DatabasesView</name>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a connection profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read every database&apos;s version table again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::DiagnosticsView</name>
    <message>
        <source>Diagnostics</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>Keine Probleme gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%n error</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n errors</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>%1
Revision: %2</source>
        <translation>%1
Revision: %2</translation>
    </message>
    <message>
        <source>(project)</source>
        <translation>(Projekt)</translation>
    </message>
</context>
<context>
    <name>retort::Evaluator</name>
    <message>
        <source>no value is given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is an expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is read from another module at run time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a bytes literal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is an f-string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is not defined in this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is a set or dict, whose order Python decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is computed by `%2` when Python runs the file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::FindBar</name>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace with (\1 for a group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treat the text as a regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retort::GraphController</name>
    <message>
        <source>&amp;Copy Revision Id</source>
        <translation type="unfinished">Revisions-Id &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::GraphView</name>
    <message>
        <source>Revision graph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::IniFile</name>
    <message>
        <source>Cannot open %1: the file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: it is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: the file is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: it is not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ini text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: section [%2] appears more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected a [section] header before any option, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected &quot;key = value&quot; or a [section] header, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: option &apos;%2&apos; appears more than once in section [%3]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option &apos;%1&apos; in section [%2]: the interpolation is nested more than %3 levels deep (does a value refer to itself?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option &apos;%1&apos; in section [%2]: the value is too long after interpolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option &apos;%1&apos; in section [%2]: bad interpolation reference %3 (expected %(name)s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option &apos;%1&apos; in section [%2] refers to &apos;%(%3)s&apos;, which is not an option of that section or of [DEFAULT]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option &apos;%1&apos; in section [%2]: &apos;%&apos; must be followed by &apos;%&apos; or &apos;(&apos;, found %3 (write %% for a literal percent sign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No section [%1] in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No option &apos;%1&apos; in section [%2] of %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::LogPane</name>
    <message>
        <source>No migration has run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running migration (terminate alembic, then kill it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest line in view (scrolling up pauses this)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the whole log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the log to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::LogView</name>
    <message>
        <source>The output of alembic appears here while a migration runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::MainWindow</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Revisionen</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open an alembic.ini or pyproject.toml</source>
        <translation>Eine alembic.ini oder pyproject.toml öffnen</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Read the project&apos;s files again</source>
        <translation>Die Dateien des Projekts neu einlesen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Filter Revisions</source>
        <translation>Revisionen &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;About Retort</source>
        <translation>&amp;Über Retort</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Could not load the project. %1</source>
        <translation>Das Projekt konnte nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>%1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>Open Alembic Project</source>
        <translation>Alembic-Projekt öffnen</translation>
    </message>
    <message>
        <source>Alembic configuration (alembic.ini *.ini pyproject.toml);;Ini files (*.ini);;pyproject.toml (pyproject.toml);;All files (*)</source>
        <translation>Alembic-Konfiguration (alembic.ini *.ini pyproject.toml);;Ini-Dateien (*.ini);;pyproject.toml (pyproject.toml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About Retort</source>
        <translation>Über Retort</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Retort %1&lt;/h3&gt;&lt;p&gt;A desktop workbench for Alembic database migrations: the revision graph, the scripts, and where each database stands.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Retort %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank für Alembic-Datenbankmigrationen: der Revisionsgraph, die Skripte und der Stand jeder Datenbank.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <comment>recent project: path [section]</comment>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
    <message>
        <source>Retort</source>
        <translation>Retort</translation>
    </message>
    <message>
        <source>Retort — %1</source>
        <translation>Retort — %1</translation>
    </message>
    <message>
        <source>No project open. Open an alembic.ini or pyproject.toml with File → Open (Ctrl+O).</source>
        <translation>Kein Projekt geöffnet. Öffnen Sie eine alembic.ini oder pyproject.toml mit Datei → Öffnen (Strg+O).</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <comment>config path [section]</comment>
        <translation>%1 [%2]</translation>
    </message>
    <message numerus="yes">
        <source>%n revision</source>
        <translation>
            <numerusform>%n Revision</numerusform>
            <numerusform>%n Revisionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n revisions</source>
        <translation>
            <numerusform>%n Revision</numerusform>
            <numerusform>%n Revisionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n head</source>
        <translation>
            <numerusform>%n Kopf</numerusform>
            <numerusform>%n Köpfe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n heads</source>
        <translation>
            <numerusform>%n Kopf</numerusform>
            <numerusform>%n Köpfe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n diagnostic</source>
        <translation>
            <numerusform>%n Befund</numerusform>
            <numerusform>%n Befunde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n diagnostics</source>
        <translation>
            <numerusform>%n Befund</numerusform>
            <numerusform>%n Befunde</numerusform>
        </translation>
    </message>
    <message>
        <source>Find in the graph: id, prefix, branch label or message (Return for the next match)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out the graph…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph laid out in %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The graph could not be laid out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Graph…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the graph as DOT, SVG or PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no graph to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphviz DOT (*.dot *.gv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the graph to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export the graph: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no graph yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::MergeHeadsDialog</name>
    <message>
        <source>Merge Heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merge heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Heads:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::MigrationPlanner</name>
    <message>
        <source>Range revision not allowed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::NewRevisionDialog</name>
    <message>
        <source>New Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. add email to users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base (a new branch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: revision ids or branch labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Parent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Branch label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Depends on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs &lt;code&gt;alembic revision&lt;/code&gt; and opens the new script.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::Parser</name>
    <message>
        <source>%1, line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>control character %1 in a comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a carriage return not followed by a line feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the end of the line, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a key cannot be a multi-line string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a key, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a key with more than %1 parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a backslash at the end of a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid escape sequence \%1 in a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>\%1 must be followed by %2 hexadecimal digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>\%1%2 is not a Unicode scalar value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>control character %1 in a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated multi-line string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; in an array, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an inline table must be on one line and end with &apos;}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a trailing comma is not allowed in an inline table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;=&apos; after the key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; in an inline table, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a value, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid date-time %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid date %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid time %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the integer %1 is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the number %1 is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid value %1 (strings need quotes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>values nested more than %1 levels deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot define the table [%1]: %2 is already a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot define the table [%1]: %2 is an inline table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot define [[%1]]: the key is already defined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the table [%1] is defined more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set %1: %2 is already defined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key %1 is defined more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;]]&apos; after [[%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;]&apos; after [%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::PlanDialog</name>
    <message>
        <source>(empty: at base)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One revision will be upgraded on “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 revisions will be upgraded on “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One revision will be downgraded on “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 revisions will be downgraded on “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Downgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version table of “%1” will be rewritten; no migration runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished">Revision</translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished">Meldung</translation>
    </message>
    <message>
        <source>Version table now: %1
Version table after: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A downgrade runs each revision&apos;s downgrade(): it drops the tables, columns and data those revisions created. Data removed this way does not come back with a later upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamping with --purge empties the version table first (it names a revision with no script) and then records the chosen revision. The schema is not changed: make sure it really matches that revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamping only records the revision in the version table; the schema is not changed. Make sure it really matches that revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a protected database. Type its name to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview &amp;SQL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the SQL alembic would run (--sql)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ProfileDialog</name>
    <message>
        <source>Add Connection Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Connection Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postgresql+psycopg2://user:password@host/database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the ini&apos;s URL, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One KEY=value a line, set for alembic&apos;s process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One -x value a line, e.g. tenant=acme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protected: ask me to type the profile&apos;s name before a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version &amp;table:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Schema:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;-x arguments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the version table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another profile is already called %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment lines are KEY=value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ProjectSession</name>
    <message>
        <source>The project could not be loaded.</source>
        <translation>Das Projekt konnte nicht geladen werden.</translation>
    </message>
</context>
<context>
    <name>retort::PythonTokenizer</name>
    <message>
        <source>truncated \%1 escape in a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed \%1 escape in a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected character after line continuation character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated string literal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated triple-quoted string literal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unmatched &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closing bracket &apos;%1&apos; does not match &apos;%2&apos; on line %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source code cannot contain null bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid character &apos;%1&apos; (U+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; was never closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::RevisionCommand</name>
    <message>
        <source>alembic did not say which file it generated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::RevisionDetailsView</name>
    <message>
        <source>Select a revision to see its details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the revision id to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parents:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depends on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved dependencies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dependents:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch labels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head</source>
        <translation type="unfinished">Kopf</translation>
    </message>
    <message>
        <source>base</source>
        <translation type="unfinished">Basis</translation>
    </message>
    <message>
        <source>branch point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merge point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no script)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (declared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (inherited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (inherited from %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applied in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::RevisionGraph</name>
    <message>
        <source>Revision id %1 is already used by %2; this file is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision id %1 is also used by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch name &apos;%1&apos; in revision %2 is already used by revision %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1 has down_revision %2, but no script defines %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1 depends on %2, which is neither a revision nor a branch label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1 is on a cycle of depends_on and down_revision references.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1 is on (or descends from) a cycle of down_revision references.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty revision id was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such revision or branch &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; please ensure at least four characters are present for partial revision identifier matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiple revisions start with &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::RevisionListView</name>
    <message>
        <source>Filter by id, message, label or file</source>
        <translation>Nach Id, Meldung, Label oder Datei filtern</translation>
    </message>
    <message>
        <source>Filter revisions</source>
        <translation>Revisionen filtern</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Revisionen</translation>
    </message>
    <message>
        <source>&amp;Copy Revision Id</source>
        <translation>Revisions-Id &amp;kopieren</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n shown</source>
        <translation>
            <numerusform>%1 von %n angezeigt</numerusform>
            <numerusform>%1 von %n angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n revision</source>
        <translation>
            <numerusform>%n Revision</numerusform>
            <numerusform>%n Revisionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n revisions</source>
        <translation>
            <numerusform>%n Revision</numerusform>
            <numerusform>%n Revisionen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retort::RevisionNodeItem</name>
    <message>
        <source>no script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No script: the version table names a revision that is not in the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head</source>
        <translation type="unfinished">Kopf</translation>
    </message>
    <message>
        <source>base</source>
        <translation type="unfinished">Basis</translation>
    </message>
    <message>
        <source>branch point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merge point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch labels: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current revision of the selected database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databases here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script has errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of the migration plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::RevisionParser</name>
    <message>
        <source>The file is %1 MB, larger than Retort reads (%2 MB): not a revision script?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python syntax error: %1. Alembic cannot import this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No module-level `revision = &quot;...&quot;` assignment, and the file name is not a legacy hex id: alembic cannot determine this revision&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value of `revision` cannot be known without running Python: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`revision` must be a string, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`revision` is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The revision id &apos;%1&apos; contains &apos;@&apos;, &apos;-&apos; or &apos;+&apos;, which alembic does not allow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No module-level `%1` assignment: alembic fails to load this file. Shown as a base.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entry of `%1` cannot be known without running Python: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entry of `%1` is %2, not a revision id string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is %2, not a string or a tuple of strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value of `%1` cannot be known without running Python: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1 names itself as its down_revision: a loop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1 depends on itself: a loop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The branch label &apos;%1&apos; contains &apos;@&apos;, &apos;-&apos; or &apos;+&apos;: targets cannot name it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::RevisionTableModel</name>
    <message>
        <source>head</source>
        <comment>marker: revision nothing builds on</comment>
        <translation>Kopf</translation>
    </message>
    <message>
        <source>base</source>
        <comment>marker: revision without down revision</comment>
        <translation>Basis</translation>
    </message>
    <message>
        <source>branch</source>
        <comment>marker: revision with several children</comment>
        <translation>Verzweigung</translation>
    </message>
    <message>
        <source>merge</source>
        <comment>marker: revision with several parents</comment>
        <translation>Zusammenführung</translation>
    </message>
    <message>
        <source>Head: no revision has this one as its down revision.</source>
        <translation>Kopf: keine Revision hat diese als down_revision.</translation>
    </message>
    <message>
        <source>Base: this revision has no down revision.</source>
        <translation>Basis: diese Revision hat keine down_revision.</translation>
    </message>
    <message>
        <source>Branch point: several revisions have this one as their down revision.</source>
        <translation>Verzweigungspunkt: mehrere Revisionen haben diese als down_revision.</translation>
    </message>
    <message>
        <source>Merge point: this revision has several down revisions.</source>
        <translation>Zusammenführung: diese Revision hat mehrere down_revisions.</translation>
    </message>
    <message>
        <source>%1
One problem is reported for this file.</source>
        <translation>%1
Für diese Datei wird ein Problem gemeldet.</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n problems are reported for this file.</source>
        <translation>
            <numerusform>%1
Für diese Datei wird %n Problem gemeldet.</numerusform>
            <numerusform>%1
Für diese Datei werden %n Probleme gemeldet.</numerusform>
        </translation>
    </message>
    <message>
        <source>No down revision: this is a base.</source>
        <translation>Keine down_revision: dies ist eine Basis.</translation>
    </message>
    <message>
        <source>%1 (no script has this id)</source>
        <translation>%1 (kein Skript hat diese Id)</translation>
    </message>
    <message>
        <source>Depends on: %1</source>
        <translation>Hängt ab von: %1</translation>
    </message>
    <message>
        <source>Declared here: %1</source>
        <translation>Hier deklariert: %1</translation>
    </message>
    <message>
        <source>Inherited: %1</source>
        <translation>Geerbt: %1</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>Eltern</translation>
    </message>
    <message>
        <source>Markers</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <source>Branch Labels</source>
        <translation>Branch-Labels</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>The revision id (`revision` in the script)</source>
        <translation>Die Revisions-Id (`revision` im Skript)</translation>
    </message>
    <message>
        <source>The first paragraph of the script&apos;s docstring</source>
        <translation>Der erste Absatz des Docstrings im Skript</translation>
    </message>
    <message>
        <source>The docstring&apos;s Create Date</source>
        <translation>Das Create Date aus dem Docstring</translation>
    </message>
    <message>
        <source>The down revisions (`down_revision`)</source>
        <translation>Die Vorgänger (`down_revision`)</translation>
    </message>
    <message>
        <source>Head, base, branch point or merge point</source>
        <translation>Kopf, Basis, Verzweigung oder Zusammenführung</translation>
    </message>
    <message>
        <source>Branch labels, declared or inherited</source>
        <translation>Branch-Labels, deklariert oder geerbt</translation>
    </message>
    <message>
        <source>The script file, relative to the project folder</source>
        <translation>Die Skriptdatei, relativ zum Projektordner</translation>
    </message>
</context>
<context>
    <name>retort::RunCommand</name>
    <message>
        <source>Cannot use this connection&apos;s own URL: the Python interpreter behind %1 is not known (its first line names none). Set the Python interpreter in the project settings to one that has alembic installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> -c &lt;Retort&apos;s bootstrap: alembic with the connection&apos;s URL&gt; </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::RunController</name>
    <message>
        <source>Step &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade the selected database by one revision (upgrade +1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &amp;Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downgrade the selected database by one revision (downgrade -1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upgrade to Selected Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade the selected database to the revision selected in the graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;owngrade to Selected Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downgrade the selected database to the revision selected in the graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade All &amp;Heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade the selected database to every head (upgrade heads)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tamp Selected Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the selected revision in the version table without running it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the selected database&apos;s version table again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python &amp;Interpreter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Python interpreter that runs alembic for this project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the migration log to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade to selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downgrade to selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade all heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where “%1” stands is not known: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has not been read yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version table of “%1” names %2, which has no script in this project. Alembic cannot upgrade or downgrade from there. If the schema matches a revision you have, select it and choose Stamp Selected Revision: the stamp empties the version table first (--purge) and records that revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alembic would refuse this: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to run: “%1” is already there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (alembic replaces the rows on its branches)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alembic&apos;s offline mode (--sql) starts from one revision; this database is at several (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alembic&apos;s offline mode (--sql) downgrades to one revision; this plan ends at several.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project or no database profile “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ %1   (database “%2”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1 on “%2”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting %1 on “%2”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downgrading “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project&apos;s env.py could not run in offline mode (--sql), so there is no SQL to show. Alembic said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL preview complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL preview failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on “%2” finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on “%2” failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on “%2” failed at %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on “%2” was stopped. The version table is read again to show where the database really stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not start: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alembic could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Choose Run ▸ Python Interpreter… to pick an interpreter that has alembic installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping %1 on “%2”: alembic is asked to end, and killed if it does not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A migration is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A migration is running on %1. Closing Retort stops it. Where alembic runs with transactional DDL (PostgreSQL) the open transaction is rolled back; SQLite, MySQL and MariaDB keep what the running step already did, so the schema may be ahead of the version table. Close anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python Interpreter for This Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alembic will run with %1 -m alembic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ScriptBanner</name>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished">&amp;Neu laden</translation>
    </message>
    <message>
        <source>Replace the text here with the file on disk (your edits are lost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the text here; saving overwrites the file on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file changed on disk while you were editing it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was deleted from disk. The text is kept here; Save writes it back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ScriptDirectory</name>
    <message>
        <source>The version folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version location %1 is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is found twice through the version locations; it is loaded once. Make version_locations unique.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ScriptEditor</name>
    <message>
        <source>Script editor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ScriptFile</name>
    <message>
        <source>The file declares an encoding Retort cannot edit safely (only UTF-8 and latin-1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file starts with a UTF-8 byte order mark but declares another encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 and declares no other encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text has characters that latin-1, the file&apos;s encoding, cannot hold.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ScriptPage</name>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <comment>tab of a script whose file is gone</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ●</source>
        <comment>tab of a modified script</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line (1–%1):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ScriptsController</name>
    <message>
        <source>&amp;Open Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected revision&apos;s script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Revision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a revision script with alembic revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge Heads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join heads with alembic merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alembic failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to these scripts?

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes are lost if you don&apos;t save them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reload %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running alembic %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::SqlAlchemyUrl</name>
    <message>
        <source>The database URL is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a SQLAlchemy database URL; expected dialect[+driver]://[user[:password]@][host][:port][/database].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port in the database URL is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port in the database URL is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt&apos;s %1 SQL driver plugin is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt&apos;s %1 SQL driver plugin is not installed; on Debian or Ubuntu install the package %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a driver SQLAlchemy knows for the %2 dialect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted SQLite databases (sqlite+pysqlcipher) cannot be opened with Qt&apos;s SQLite driver.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“postgres” is not a dialect name in SQLAlchemy 1.4 or later; write “postgresql://” instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retort cannot read “%1” databases: Qt has no SQL driver Retort supports for this dialect (supported: sqlite, postgresql, mysql, mariadb).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid SQLite URL: it takes no user, password, host or port. Valid forms are sqlite:///:memory: (or sqlite://), sqlite:///relative/path/to/file.db and sqlite:////absolute/path/to/file.db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A SQLite URL with uri=true needs a file: URI as its database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several hosts in one URL (multi-host connections) are not supported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::SqlPreviewDialog</name>
    <message>
        <source>SQL Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running alembic in offline mode…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete: this is the SQL alembic would run.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::TargetResolver</name>
    <message>
        <source>alembic fails with an internal error (AssertionError: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiple heads are present for given argument &apos;%1&apos;; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested revision %1 overlaps with other requested revisions %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such branch: &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such revision or branch &apos;%1&apos;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; please ensure at least four characters are present for partial revision identifier matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiple revisions start with &apos;%1&apos;: %2...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1 is not a member of branch &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ambiguous walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ambiguous upgrade from multiple current revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walked too far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination %1 is not a valid upgrade target from current head(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination %1 is not a valid downgrade target from current head(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiple head revisions are present for given argument &apos;%1&apos;; please specify a specific target revision, &apos;&lt;branchname&gt;@%1&apos; to narrow to a specific head, or &apos;heads&apos; for all heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t locate revision identified by &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::TomlFile</name>
    <message>
        <source>Cannot open %1: the file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: it is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: the file is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: it is not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOML text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::cli</name>
    <message>
        <source>retort-cli: unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>option %1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort-cli: unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort-cli: graph needs --json (the only format so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort-cli: %1 has no --json form; use graph --json</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s), no problems found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>usage: retort-cli [-c CONFIG] [-n SECTION] COMMAND [options]

Reads an Alembic project without running Python.

commands:
  graph --json      the revision graph as JSON
  heads             the head revisions, one id per line, sorted
  history           every revision, newest first, as alembic prints it
  lint [--json]     the diagnostics; exit status 1 when there are errors
  current [--url URL] [--version-table T] [--version-table-schema S]
                    the ids in the database&apos;s version table, sorted
  plan {upgrade|downgrade} TARGET [--current REV]... [--url URL] [--json]
                    the steps alembic would run, in order (TARGET as alembic
                    takes it: heads, base, ae10, label@head, +1, -1, ...)
  export --format dot|svg|png -o FILE   the graph as a picture (same layout as the window)

options:
  -c, --config FILE   alembic.ini or pyproject.toml (default: ./alembic.ini)
  -n, --name SECTION  the ini section to use (default: alembic)
  --version           print the version
  -h, --help          print this help
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort-cli current: %1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort-cli current: unexpected argument &quot;%1&quot;
usage: retort-cli current [--url URL] [--version-table T] [--version-table-schema S]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database URL: set sqlalchemy.url in %1 or pass --url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort-cli current: URL options not applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: retort-cli export --format dot|svg|png -o FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort-cli: %1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort-cli: export: unexpected argument %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort-cli: export: unknown format &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort-cli: export: the project has no revisions to draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort-cli: cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort-cli: plan: unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: retort-cli plan {upgrade|downgrade} TARGET [--current REV]... | [--url [URL]] [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort-cli: plan: give either --current or --url, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort-cli: no database URL: set sqlalchemy.url in the ini or pass --url URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saveTextFile</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
