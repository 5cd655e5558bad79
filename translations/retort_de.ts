<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
</context>
<context>
    <name>retort::ModuleReader</name>
    <message>
        <source>is an imported module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is imported</source>
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
        <source>usage: retort-cli [-c CONFIG] [-n SECTION] COMMAND [options]

Reads an Alembic project without running Python.

commands:
  graph --json      the revision graph as JSON
  heads             the head revisions, one id per line, sorted
  history           every revision, newest first, as alembic prints it
  lint [--json]     the diagnostics; exit status 1 when there are errors

options:
  -c, --config FILE   alembic.ini or pyproject.toml (default: ./alembic.ini)
  -n, --name SECTION  the ini section to use (default: alembic)
  --version           print the version
  -h, --help          print this help
</source>
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
</context>
</TS>
