<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>About</name>
    <message>
        <source>%1 (built with)</source>
        <translation>%1 (beim Kompilieren)</translation>
    </message>
</context>
<context>
    <name>AlembicRunner</name>
    <message>
        <source>Another alembic command is still running on %1; wait for it to finish or stop it first.</source>
        <translation>Auf %1 läuft noch ein anderer alembic-Befehl; warten Sie, bis er fertig ist, oder stoppen Sie ihn zuerst.</translation>
    </message>
    <message numerus="yes">
        <source>Stopping alembic: it is asked to end now and is killed if it has not ended after %n second(s).</source>
        <translation>
            <numerusform>alembic wird gestoppt: Es wird aufgefordert, sich jetzt zu beenden, und wird abgeschossen, wenn es nach %n Sekunde nicht beendet ist.</numerusform>
            <numerusform>alembic wird gestoppt: Es wird aufgefordert, sich jetzt zu beenden, und wird abgeschossen, wenn es nach %n Sekunden nicht beendet ist.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an object of strings</source>
        <translation>ein Objekt aus Zeichenketten</translation>
    </message>
    <message>
        <source>an array of strings</source>
        <translation>ein Array aus Zeichenketten</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>The connection profile field “%1” must be %2.</source>
        <translation>Das Feld „%1“ des Verbindungsprofils muss %2 sein.</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>The connection profile “%1” has no URL and the configuration sets no sqlalchemy.url.</source>
        <translation>Das Verbindungsprofil „%1“ hat keine URL, und die Konfiguration setzt keine sqlalchemy.url.</translation>
    </message>
    <message>
        <source>The connection profile “%1” has no URL.</source>
        <translation>Das Verbindungsprofil „%1“ hat keine URL.</translation>
    </message>
    <message>
        <source>A connection profile has no name.</source>
        <translation>Ein Verbindungsprofil hat keinen Namen.</translation>
    </message>
    <message>
        <source>A connection profile has an empty name.</source>
        <translation>Ein Verbindungsprofil hat einen leeren Namen.</translation>
    </message>
    <message>
        <source>The connection profile “%1” has an empty version table name.</source>
        <translation>Das Verbindungsprofil „%1“ hat einen leeren Namen für die Versionstabelle.</translation>
    </message>
    <message>
        <source>“%1” is not a valid environment variable name.</source>
        <translation>„%1“ ist kein gültiger Name für eine Umgebungsvariable.</translation>
    </message>
    <message>
        <source>Connection profile %1 is not a JSON object.</source>
        <translation>Verbindungsprofil %1 ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>Connection profile %1: %2</source>
        <translation>Verbindungsprofil %1: %2</translation>
    </message>
    <message>
        <source>Two connection profiles are named “%1”.</source>
        <translation>Zwei Verbindungsprofile heißen „%1“.</translation>
    </message>
    <message>
        <source>the password</source>
        <translation>das Passwort</translation>
    </message>
    <message>
        <source>the value of %1</source>
        <translation>den Wert von %1</translation>
    </message>
    <message>
        <source>a list of secret names</source>
        <translation>eine Liste geheimer Namen</translation>
    </message>
    <message>
        <source>The connection profile “%1” is marked scratch: %2</source>
        <translation>Das Verbindungsprofil „%1“ ist als Wegwerfdatenbank markiert: %2</translation>
    </message>
    <message>
        <source>a protected profile cannot be a scratch database.</source>
        <translation>ein geschütztes Profil kann keine Wegwerfdatenbank sein.</translation>
    </message>
    <message>
        <source>a scratch profile needs a URL of its own; the ini&apos;s sqlalchemy.url is the project&apos;s own database.</source>
        <translation>ein Wegwerfprofil braucht eine eigene URL; die sqlalchemy.url der ini ist die eigene Datenbank des Projekts.</translation>
    </message>
</context>
<context>
    <name>DatabaseState</name>
    <message>
        <source>Not read yet.</source>
        <translation>Noch nicht gelesen.</translation>
    </message>
</context>
<context>
    <name>DownRevisionEdit</name>
    <message>
        <source>No new down revision was given.</source>
        <translation>Es wurde kein neuer Vorgänger (down_revision) angegeben.</translation>
    </message>
    <message>
        <source>The id “%1” would need escaping in Python; Retort does not write such ids.</source>
        <translation>Die Id „%1“ müsste in Python maskiert werden; Retort schreibt solche Ids nicht.</translation>
    </message>
    <message>
        <source>The file cannot be read as Python (line %1: %2); fix it first.</source>
        <translation>Die Datei kann nicht als Python gelesen werden (Zeile %1: %2); beheben Sie das zuerst.</translation>
    </message>
    <message>
        <source>down_revision is assigned on line %1 in a way Retort does not rewrite (inside a block, a function or a chained assignment); change it by hand.</source>
        <translation>down_revision wird in Zeile %1 auf eine Weise zugewiesen, die Retort nicht umschreibt (in einem Block, einer Funktion oder einer verketteten Zuweisung); ändern Sie sie von Hand.</translation>
    </message>
    <message>
        <source>The file has no module-level down_revision assignment.</source>
        <translation>Die Datei hat keine down_revision-Zuweisung auf Modulebene.</translation>
    </message>
    <message>
        <source>down_revision on line %1 is declared but not assigned.</source>
        <translation>down_revision in Zeile %1 ist deklariert, aber nicht zugewiesen.</translation>
    </message>
    <message>
        <source>down_revision on line %1 lists several revisions: this is a merge revision. Re-parenting it would drop one of its parents; use a merge instead.</source>
        <translation>down_revision in Zeile %1 nennt mehrere Revisionen: Dies ist eine Zusammenführungsrevision. Sie umzuhängen würde eine ihrer Elternrevisionen entfernen; verwenden Sie stattdessen eine Zusammenführung.</translation>
    </message>
    <message>
        <source>down_revision on line %1 is not written as one quoted id or None; change it by hand.</source>
        <translation>down_revision in Zeile %1 ist nicht als eine Id in Anführungszeichen oder None geschrieben; ändern Sie sie von Hand.</translation>
    </message>
    <message>
        <source>down_revision on line %1 is a bytes or f-string literal; change it by hand.</source>
        <translation>down_revision in Zeile %1 ist ein Bytes- oder f-String-Literal; ändern Sie sie von Hand.</translation>
    </message>
    <message>
        <source>The file says down_revision = %1 but the loaded project says %2: the file changed since it was loaded. Wait for the reload and try again.</source>
        <translation>Die Datei sagt down_revision = %1, das geladene Projekt aber %2: Die Datei hat sich seit dem Laden geändert. Warten Sie auf das Neuladen und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>EnvironmentPlanner</name>
    <message>
        <source>The version table holds “%1”, which no revision script defines.</source>
        <translation>Die Versionstabelle enthält „%1“, das kein Revisionsskript definiert.</translation>
    </message>
    <message>
        <source>“%1” is not a revision of this project.</source>
        <translation>„%1“ ist keine Revision dieses Projekts.</translation>
    </message>
    <message>
        <source>No sequence of alembic commands was found that leaves exactly %1.</source>
        <translation>Es wurde keine Folge von alembic-Befehlen gefunden, die genau %1 hinterlässt.</translation>
    </message>
    <message>
        <source>No alembic command takes the version rows %1 towards %2.</source>
        <translation>Kein alembic-Befehl bringt die Versionszeilen %1 in Richtung %2.</translation>
    </message>
    <message>
        <source>base</source>
        <translation>Basis</translation>
    </message>
</context>
<context>
    <name>GraphExport</name>
    <message>
        <source>Alembic revision graph</source>
        <translation>Alembic-Revisionsgraph</translation>
    </message>
</context>
<context>
    <name>GraphvizLayouter</name>
    <message>
        <source>Graphviz could not lay out the graph: %1</source>
        <translation>Graphviz konnte den Graphen nicht anordnen: %1</translation>
    </message>
    <message>
        <source>Graphviz could not %1: %2</source>
        <translation>Graphviz konnte %1: %2</translation>
    </message>
    <message>
        <source>read the graph</source>
        <translation>den Graphen nicht lesen</translation>
    </message>
    <message>
        <source>lay out the graph</source>
        <translation>den Graphen nicht anordnen</translation>
    </message>
    <message>
        <source>render the graph</source>
        <translation>den Graphen nicht zeichnen</translation>
    </message>
</context>
<context>
    <name>HeadsAnalysis</name>
    <message>
        <source>the unlabelled branch</source>
        <translation>der Zweig ohne Label</translation>
    </message>
    <message>
        <source>branch %1</source>
        <translation>Branch %1</translation>
    </message>
    <message>
        <source>%1, from its own base %2</source>
        <translation>%1, ab seiner eigenen Basis %2</translation>
    </message>
    <message>
        <source>%1, forked at %2</source>
        <translation>%1, abgezweigt bei %2</translation>
    </message>
    <message>
        <source>No database is configured, so none has applied them</source>
        <translation>Es ist keine Datenbank konfiguriert, also hat keine sie angewendet</translation>
    </message>
    <message>
        <source>Only %1 has %2. %3: moving %4 onto %5 (one down_revision in one file) rewrites history nobody has run and leaves one head, without a merge revision.</source>
        <translation>Nur %1 hat %2. %3: %4 an %5 umzuhängen (eine down_revision in einer Datei) schreibt Geschichte um, die niemand ausgeführt hat, und hinterlässt einen Kopf, ohne Zusammenführungsrevision.</translation>
    </message>
    <message>
        <source>%1 applied %2</source>
        <translation>%1 hat %2 angewendet</translation>
    </message>
    <message>
        <source>The revisions only %1 has do not grow from one place, so no single edit can move them; a merge revision joins the heads and changes no existing file.</source>
        <translation>Die Revisionen, die nur %1 hat, wachsen nicht von einer Stelle aus, daher kann keine einzelne Änderung sie verschieben; eine Zusammenführungsrevision vereint die Köpfe und ändert keine bestehende Datei.</translation>
    </message>
    <message>
        <source>Retort could not read %1, so it cannot tell that %2 is applied nowhere; a merge is safe whatever those databases hold.</source>
        <translation>Retort konnte %1 nicht lesen und kann daher nicht sagen, ob %2 nirgends angewendet ist; eine Zusammenführung ist sicher, was auch immer diese Datenbanken enthalten.</translation>
    </message>
    <message>
        <source>(%1.)</source>
        <translation>(%1.)</translation>
    </message>
    <message>
        <source>Every side has been applied by a database (%1): rewriting either would change history a database has already run. A merge revision joins the heads and changes no existing file.</source>
        <translation>Jede Seite wurde von einer Datenbank angewendet (%1): Das Umschreiben einer der beiden würde Geschichte ändern, die eine Datenbank bereits ausgeführt hat. Eine Zusammenführungsrevision vereint die Köpfe und ändert keine bestehende Datei.</translation>
    </message>
    <message numerus="yes">
        <source>This project has %n heads that its branch labels do not explain: “alembic upgrade head” refuses to choose between them.</source>
        <translation>
            <numerusform>Dieses Projekt hat %n Kopf, den seine Branch-Labels nicht erklären: „alembic upgrade head“ weigert sich, zwischen ihnen zu wählen.</numerusform>
            <numerusform>Dieses Projekt hat %n Köpfe, die seine Branch-Labels nicht erklären: „alembic upgrade head“ weigert sich, zwischen ihnen zu wählen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The one configured database has not applied them</source>
        <translation>Die eine konfigurierte Datenbank hat sie nicht angewendet</translation>
    </message>
    <message>
        <source>None of the %1 configured databases has applied them</source>
        <translation>Keine der %1 konfigurierten Datenbanken hat sie angewendet</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>could not be started</source>
        <translation>konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>did not answer in time</source>
        <translation>hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>failed (exit code %1)</source>
        <translation>ist fehlgeschlagen (Exit-Code %1)</translation>
    </message>
</context>
<context>
    <name>MigrationOpText</name>
    <message>
        <source>nullable</source>
        <translation>NULL erlaubt</translation>
    </message>
    <message>
        <source>not null</source>
        <translation>nicht NULL</translation>
    </message>
    <message>
        <source>primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <source>default %1</source>
        <translation>Standardwert %1</translation>
    </message>
    <message>
        <source>references %1</source>
        <translation>verweist auf %1</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>Creates table `%1`</source>
        <translation>Erstellt Tabelle `%1`</translation>
    </message>
    <message>
        <source>Creates table `%1` (%2)</source>
        <translation>Erstellt Tabelle `%1` (%2)</translation>
    </message>
    <message>
        <source>Drops table `%1`</source>
        <translation>Löscht Tabelle `%1`</translation>
    </message>
    <message>
        <source>Renames table `%1` to `%2`</source>
        <translation>Benennt Tabelle `%1` in `%2` um</translation>
    </message>
    <message>
        <source>Adds column `%1.%2` %3</source>
        <translation>Fügt Spalte `%1.%2` %3 hinzu</translation>
    </message>
    <message>
        <source>Drops column `%1.%2`</source>
        <translation>Löscht Spalte `%1.%2`</translation>
    </message>
    <message>
        <source>renamed to `%1`</source>
        <translation>umbenannt in `%1`</translation>
    </message>
    <message>
        <source>type -&gt; %1</source>
        <translation>Typ -&gt; %1</translation>
    </message>
    <message>
        <source>type %1 -&gt; %2</source>
        <translation>Typ %1 -&gt; %2</translation>
    </message>
    <message>
        <source>no server default</source>
        <translation>kein Server-Default</translation>
    </message>
    <message>
        <source>server default %1</source>
        <translation>Server-Default %1</translation>
    </message>
    <message>
        <source>no comment</source>
        <translation>kein Kommentar</translation>
    </message>
    <message>
        <source>comment &quot;%1&quot;</source>
        <translation>Kommentar &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no change Retort can see</source>
        <translation>keine Änderung, die Retort erkennen kann</translation>
    </message>
    <message>
        <source>Changes column `%1.%2`: %3</source>
        <translation>Ändert Spalte `%1.%2`: %3</translation>
    </message>
    <message>
        <source>Creates unique index `%1` on `%2` (%3)</source>
        <translation>Erstellt eindeutigen Index `%1` auf `%2` (%3)</translation>
    </message>
    <message>
        <source>Creates index `%1` on `%2` (%3)</source>
        <translation>Erstellt Index `%1` auf `%2` (%3)</translation>
    </message>
    <message>
        <source>Drops index `%1`</source>
        <translation>Löscht Index `%1`</translation>
    </message>
    <message>
        <source>Drops index `%1` on `%2`</source>
        <translation>Löscht Index `%1` auf `%2`</translation>
    </message>
    <message>
        <source>Adds foreign key `%1` on `%2` (%3) to `%4` (%5)</source>
        <translation>Fügt Fremdschlüssel `%1` auf `%2` (%3) hinzu, der auf `%4` (%5) verweist</translation>
    </message>
    <message>
        <source>Adds unique constraint `%1` on `%2` (%3)</source>
        <translation>Fügt Unique-Constraint `%1` auf `%2` (%3) hinzu</translation>
    </message>
    <message>
        <source>Adds check constraint `%1` on `%2`: %3</source>
        <translation>Fügt Check-Constraint `%1` auf `%2` hinzu: %3</translation>
    </message>
    <message>
        <source>Adds primary key `%1` on `%2` (%3)</source>
        <translation>Fügt Primärschlüssel `%1` auf `%2` (%3) hinzu</translation>
    </message>
    <message>
        <source>Drops foreign key `%1` on `%2`</source>
        <translation>Löscht Fremdschlüssel `%1` auf `%2`</translation>
    </message>
    <message>
        <source>Drops unique constraint `%1` on `%2`</source>
        <translation>Löscht Unique-Constraint `%1` auf `%2`</translation>
    </message>
    <message>
        <source>Drops check constraint `%1` on `%2`</source>
        <translation>Löscht Check-Constraint `%1` auf `%2`</translation>
    </message>
    <message>
        <source>Drops primary key `%1` on `%2`</source>
        <translation>Löscht Primärschlüssel `%1` auf `%2`</translation>
    </message>
    <message>
        <source>Drops constraint `%1` on `%2`</source>
        <translation>Löscht Constraint `%1` auf `%2`</translation>
    </message>
    <message>
        <source>Sets the comment of table `%1`: &quot;%2&quot;</source>
        <translation>Setzt den Kommentar von Tabelle `%1`: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Removes the comment of table `%1`</source>
        <translation>Entfernt den Kommentar von Tabelle `%1`</translation>
    </message>
    <message numerus="yes">
        <source>Inserts %n row(s) into `%1`</source>
        <translation>
            <numerusform>Fügt %n Zeile in `%1` ein</numerusform>
            <numerusform>Fügt %n Zeilen in `%1` ein</numerusform>
        </translation>
    </message>
    <message>
        <source>Inserts rows into `%1`</source>
        <translation>Fügt Zeilen in `%1` ein</translation>
    </message>
    <message>
        <source>Runs SQL Retort does not read: `%1`</source>
        <translation>Führt SQL aus, das Retort nicht liest: `%1`</translation>
    </message>
    <message>
        <source>Runs raw SQL: %1</source>
        <translation>Führt rohes SQL aus: %1</translation>
    </message>
    <message>
        <source>Not read: %1 (line %2)</source>
        <translation>Nicht gelesen: %1 (Zeile %2)</translation>
    </message>
</context>
<context>
    <name>MigrationOpsReader</name>
    <message>
        <source>a nested function definition `%1`</source>
        <translation>eine verschachtelte Funktionsdefinition `%1`</translation>
    </message>
    <message>
        <source>an async statement</source>
        <translation>eine async-Anweisung</translation>
    </message>
    <message>
        <source>an if statement</source>
        <translation>eine if-Anweisung</translation>
    </message>
    <message>
        <source>a for loop</source>
        <translation>eine for-Schleife</translation>
    </message>
    <message>
        <source>a while loop</source>
        <translation>eine while-Schleife</translation>
    </message>
    <message>
        <source>a try statement</source>
        <translation>eine try-Anweisung</translation>
    </message>
    <message>
        <source>a with statement</source>
        <translation>eine with-Anweisung</translation>
    </message>
    <message>
        <source>a class definition `%1`</source>
        <translation>eine Klassendefinition `%1`</translation>
    </message>
    <message>
        <source>a match statement</source>
        <translation>eine match-Anweisung</translation>
    </message>
    <message>
        <source>an `%1` clause</source>
        <translation>eine `%1`-Klausel</translation>
    </message>
    <message>
        <source>a raise statement</source>
        <translation>eine raise-Anweisung</translation>
    </message>
    <message>
        <source>%1 (line %2)</source>
        <translation>%1 (Zeile %2)</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The file is %1 MB, larger than Retort reads (%2 MB)</source>
        <translation>Die Datei ist %1 MB groß, größer als Retort liest (%2 MB)</translation>
    </message>
    <message>
        <source>`%1` takes %2 from `%3`, which is defined elsewhere</source>
        <translation>`%1` nimmt %2 aus `%3`, das anderswo definiert ist</translation>
    </message>
    <message>
        <source>`%1` is called without %2</source>
        <translation>`%1` wird ohne %2 aufgerufen</translation>
    </message>
    <message>
        <source>`%1` takes %2 from `%3`, which is not what alembic takes there</source>
        <translation>`%1` nimmt %2 aus `%3`, was alembic dort nicht annimmt</translation>
    </message>
    <message>
        <source>`%1` takes %2 from `%3`, which Retort does not evaluate</source>
        <translation>`%1` nimmt %2 aus `%3`, das Retort nicht auswertet</translation>
    </message>
    <message>
        <source>`%1` is called with arguments unpacked from `%2`</source>
        <translation>`%1` wird mit Argumenten aufgerufen, die aus `%2` entpackt werden</translation>
    </message>
    <message>
        <source>the name of a column</source>
        <translation>den Namen einer Spalte</translation>
    </message>
    <message>
        <source>`%1`: a column without a name Retort can read: `%2`</source>
        <translation>`%1`: eine Spalte ohne einen Namen, den Retort lesen kann: `%2`</translation>
    </message>
    <message>
        <source>`%1` takes a column from `%2`, which is defined elsewhere</source>
        <translation>`%1` nimmt eine Spalte aus `%2`, das anderswo definiert ist</translation>
    </message>
    <message>
        <source>`%1` takes a column from `%2`, which Retort does not evaluate</source>
        <translation>`%1` nimmt eine Spalte aus `%2`, das Retort nicht auswertet</translation>
    </message>
    <message>
        <source>a primary key column</source>
        <translation>eine Primärschlüsselspalte</translation>
    </message>
    <message>
        <source>`%1` takes `%2`, which Retort does not read as a column</source>
        <translation>`%1` nimmt `%2`, das Retort nicht als Spalte liest</translation>
    </message>
    <message>
        <source>`%1` is called with more arguments than alembic takes</source>
        <translation>`%1` wird mit mehr Argumenten aufgerufen, als alembic annimmt</translation>
    </message>
    <message>
        <source>`%1` is an operation Retort does not read</source>
        <translation>`%1` ist eine Operation, die Retort nicht liest</translation>
    </message>
    <message>
        <source>a return statement</source>
        <translation>eine return-Anweisung</translation>
    </message>
    <message>
        <source>an import</source>
        <translation>ein Import</translation>
    </message>
    <message>
        <source>a `%1` statement</source>
        <translation>eine `%1`-Anweisung</translation>
    </message>
    <message>
        <source>an assignment to `%1`</source>
        <translation>eine Zuweisung an `%1`</translation>
    </message>
    <message>
        <source>an expression: `%1`</source>
        <translation>ein Ausdruck: `%1`</translation>
    </message>
    <message>
        <source>a call of `%1`</source>
        <translation>ein Aufruf von `%1`</translation>
    </message>
    <message>
        <source>`%1` outside a with statement</source>
        <translation>`%1` außerhalb einer with-Anweisung</translation>
    </message>
    <message>
        <source>`%1` is called with arguments Retort cannot read</source>
        <translation>`%1` wird mit Argumenten aufgerufen, die Retort nicht lesen kann</translation>
    </message>
</context>
<context>
    <name>MigrationPlanner</name>
    <message>
        <source>Not a valid downgrade target from current heads</source>
        <translation>Kein gültiges Downgrade-Ziel von den aktuellen Köpfen aus</translation>
    </message>
    <message>
        <source>Range revision not allowed</source>
        <translation>Revisionsbereich nicht erlaubt</translation>
    </message>
    <message>
        <source>alembic fails with an internal error (%1)</source>
        <translation>alembic scheitert mit einem internen Fehler (%1)</translation>
    </message>
    <message>
        <source>Multiple heads are present; please specify a single target revision</source>
        <translation>Es gibt mehrere Köpfe; bitte geben Sie eine einzelne Zielrevision an</translation>
    </message>
</context>
<context>
    <name>MigrationRisks</name>
    <message>
        <source>%1 drops table `%2`: its data is lost</source>
        <translation>%1 löscht Tabelle `%2`: Die Daten darin gehen verloren</translation>
    </message>
    <message>
        <source>%1 drops column `%2.%3`: its data is lost</source>
        <translation>%1 löscht Spalte `%2.%3`: Die Daten darin gehen verloren</translation>
    </message>
    <message>
        <source>%1 narrows column `%2.%3` from %4 to %5: values that do not fit are lost</source>
        <translation>%1 verkleinert Spalte `%2.%3` von %4 auf %5: Werte, die nicht hineinpassen, gehen verloren</translation>
    </message>
    <message>
        <source>%1 changes the type of column `%2.%3` to %4 and may narrow it: data can be lost</source>
        <translation>%1 ändert den Typ von Spalte `%2.%3` in %4 und verkleinert ihn womöglich: Daten können verloren gehen</translation>
    </message>
    <message>
        <source>downgrade() does not drop table `%1`, which upgrade() creates</source>
        <translation>downgrade() löscht Tabelle `%1` nicht, die upgrade() erstellt</translation>
    </message>
    <message>
        <source>downgrade() does not drop column `%1.%2`, which upgrade() adds</source>
        <translation>downgrade() löscht Spalte `%1.%2` nicht, die upgrade() hinzufügt</translation>
    </message>
    <message>
        <source>downgrade() does not rename table `%1` back to `%2`</source>
        <translation>downgrade() benennt Tabelle `%1` nicht zurück in `%2` um</translation>
    </message>
    <message>
        <source>downgrade() does not rename column `%1.%2` back to `%3`</source>
        <translation>downgrade() benennt Spalte `%1.%2` nicht zurück in `%3` um</translation>
    </message>
    <message>
        <source>downgrade() does not re-create table `%1`, which upgrade() drops</source>
        <translation>downgrade() erstellt Tabelle `%1` nicht neu, die upgrade() löscht</translation>
    </message>
    <message>
        <source>downgrade() does not re-create column `%1.%2`, which upgrade() drops</source>
        <translation>downgrade() erstellt Spalte `%1.%2` nicht neu, die upgrade() löscht</translation>
    </message>
    <message>
        <source>the script has no downgrade(): this revision cannot be downgraded</source>
        <translation>das Skript hat kein downgrade(): Für diese Revision ist kein Downgrade möglich</translation>
    </message>
    <message>
        <source>downgrade() is empty: downgrading this revision undoes nothing its upgrade() did</source>
        <translation>downgrade() ist leer: Ein Downgrade dieser Revision macht nichts von dem rückgängig, was ihr upgrade() getan hat</translation>
    </message>
    <message>
        <source>downgrade() raises %1: this revision cannot be downgraded</source>
        <translation>downgrade() löst %1 aus: Für diese Revision ist kein Downgrade möglich</translation>
    </message>
    <message>
        <source>an exception</source>
        <translation>eine Ausnahme</translation>
    </message>
    <message>
        <source>downgrade() runs raw SQL or code Retort does not read: whether it undoes upgrade() could not be checked</source>
        <translation>downgrade() führt rohes SQL oder Code aus, den Retort nicht liest: Ob es upgrade() rückgängig macht, ließ sich nicht prüfen</translation>
    </message>
    <message>
        <source>Step %1 drops table `%2`: its data is lost</source>
        <translation>Schritt %1 löscht Tabelle `%2`: Die Daten darin gehen verloren</translation>
    </message>
    <message>
        <source>Step %1 drops column `%2.%3`: its data is lost</source>
        <translation>Schritt %1 löscht Spalte `%2.%3`: Die Daten darin gehen verloren</translation>
    </message>
    <message>
        <source>Step %1 runs raw SQL Retort cannot check (line %2)</source>
        <translation>Schritt %1 führt rohes SQL aus, das Retort nicht prüfen kann (Zeile %2)</translation>
    </message>
    <message>
        <source>Step %1 runs code Retort did not read (line %2): %3</source>
        <translation>Schritt %1 führt Code aus, den Retort nicht gelesen hat (Zeile %2): %3</translation>
    </message>
    <message>
        <source>Step %1 narrows column `%2.%3` from %4 to %5: values that do not fit are lost</source>
        <translation>Schritt %1 verkleinert Spalte `%2.%3` von %4 auf %5: Werte, die nicht hineinpassen, gehen verloren</translation>
    </message>
    <message>
        <source>Step %1 changes the type of column `%2.%3` to %4 without naming the old type: it may narrow it and lose data</source>
        <translation>Schritt %1 ändert den Typ von Spalte `%2.%3` in %4, ohne den alten Typ zu nennen: Er verkleinert ihn womöglich, und Daten gehen verloren</translation>
    </message>
    <message>
        <source>Step %1 changes column `%2.%3` from %4 to %5: it may narrow it and lose data</source>
        <translation>Schritt %1 ändert Spalte `%2.%3` von %4 in %5: Er verkleinert sie womöglich, und Daten gehen verloren</translation>
    </message>
    <message>
        <source>Step %1: Retort could not read the script of %2</source>
        <translation>Schritt %1: Retort konnte das Skript von %2 nicht lesen</translation>
    </message>
    <message>
        <source>Step %1 cannot be downgraded: its script has no downgrade()</source>
        <translation>Für Schritt %1 ist kein Downgrade möglich: Sein Skript hat kein downgrade()</translation>
    </message>
    <message>
        <source>Step %1 cannot be downgraded: its downgrade() is empty</source>
        <translation>Für Schritt %1 ist kein Downgrade möglich: Sein downgrade() ist leer</translation>
    </message>
    <message>
        <source>Step %1 cannot be downgraded: its downgrade() raises %2</source>
        <translation>Für Schritt %1 ist kein Downgrade möglich: Sein downgrade() löst %2 aus</translation>
    </message>
    <message>
        <source>Step %1 stops the run: its upgrade() raises %2</source>
        <translation>Schritt %1 stoppt den Lauf: Sein upgrade() löst %2 aus</translation>
    </message>
</context>
<context>
    <name>ProblemReport</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>ProfileSecrets</name>
    <message>
        <source>Connection profile “%1”: %2 moved from Retort&apos;s settings file to the system keychain.</source>
        <translation>Verbindungsprofil „%1“: %2 aus Retorts Einstellungsdatei in den Schlüsselbund des Systems verschoben.</translation>
    </message>
    <message>
        <source>Connection profile “%1”: %2 removed from Retort&apos;s settings file. No keychain is available (%3): Retort keeps it in memory until it quits and asks for it again next time.</source>
        <translation>Verbindungsprofil „%1“: %2 aus Retorts Einstellungsdatei entfernt. Kein Schlüsselbund verfügbar (%3): Retort behält es im Speicher, bis es beendet wird, und fragt beim nächsten Mal wieder danach.</translation>
    </message>
    <message>
        <source>Connection profile “%1”: %2 moved out of Retort&apos;s settings file, to the system keychain if one answers.</source>
        <translation>Verbindungsprofil „%1“: %2 aus Retorts Einstellungsdatei entfernt, in den Schlüsselbund des Systems, sofern einer antwortet.</translation>
    </message>
</context>
<context>
    <name>ProjectAlembic</name>
    <message>
        <source>alembic not found (planned with the rules of %1)</source>
        <translation>alembic nicht gefunden (geplant nach den Regeln von %1)</translation>
    </message>
</context>
<context>
    <name>ProjectLoader</name>
    <message>
        <source>%1 cannot read this configuration: %2. The graph shows it as alembic 1.16 or newer reads it.</source>
        <translation>%1 kann diese Konfiguration nicht lesen: %2. Der Graph zeigt sie so, wie alembic 1.16 oder neuer sie liest.</translation>
    </message>
</context>
<context>
    <name>ProjectLocator</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 has no alembic.ini, nor a pyproject.toml with a [tool.alembic] table.</source>
        <translation>%1 hat weder eine alembic.ini noch eine pyproject.toml mit einer Tabelle [tool.alembic].</translation>
    </message>
</context>
<context>
    <name>PythonTokenizer</name>
    <message>
        <source>truncated \%1 escape in a string</source>
        <translation>abgeschnittenes \%1-Escape in einer Zeichenkette</translation>
    </message>
    <message>
        <source>malformed \%1 escape in a string</source>
        <translation>fehlerhaftes \%1-Escape in einer Zeichenkette</translation>
    </message>
    <message>
        <source>unterminated string literal</source>
        <translation>nicht abgeschlossenes Zeichenkettenliteral</translation>
    </message>
    <message>
        <source>unterminated triple-quoted string literal</source>
        <translation>nicht abgeschlossenes Zeichenkettenliteral in dreifachen Anführungszeichen</translation>
    </message>
    <message>
        <source>unexpected character after line continuation character</source>
        <translation>unerwartetes Zeichen nach dem Zeilenfortsetzungszeichen</translation>
    </message>
    <message>
        <source>unmatched &apos;%1&apos;</source>
        <translation>&apos;%1&apos; ohne Gegenstück</translation>
    </message>
    <message>
        <source>closing bracket &apos;%1&apos; does not match &apos;%2&apos; on line %3</source>
        <translation>die schließende Klammer &apos;%1&apos; passt nicht zu &apos;%2&apos; in Zeile %3</translation>
    </message>
    <message>
        <source>source code cannot contain null bytes</source>
        <translation>Quelltext darf keine Nullbytes enthalten</translation>
    </message>
    <message>
        <source>invalid character &apos;%1&apos; (U+%2)</source>
        <translation>ungültiges Zeichen &apos;%1&apos; (U+%2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was never closed</source>
        <translation>&apos;%1&apos; wurde nie geschlossen</translation>
    </message>
    <message>
        <source>too many nested parentheses</source>
        <translation>zu viele verschachtelte Klammern</translation>
    </message>
</context>
<context>
    <name>ReparentCheck</name>
    <message>
        <source>%1 (not read: Retort cannot tell what it applied)</source>
        <translation>%1 (nicht gelesen: Retort kann nicht sagen, was dort angewendet ist)</translation>
    </message>
    <message>
        <source>%1 applied %2</source>
        <translation>%1 hat %2 angewendet</translation>
    </message>
    <message>
        <source>%1 is not a revision of this project.</source>
        <translation>%1 ist keine Revision dieses Projekts.</translation>
    </message>
    <message>
        <source>%1 is a merge revision (it has %2 parents): re-parenting it would drop a parent. Merge instead.</source>
        <translation>%1 ist eine Zusammenführungsrevision (sie hat %2 Elternrevisionen): Sie umzuhängen würde eine Elternrevision entfernen. Führen Sie stattdessen zusammen.</translation>
    </message>
    <message>
        <source>A revision cannot be its own parent.</source>
        <translation>Eine Revision kann nicht ihre eigene Elternrevision sein.</translation>
    </message>
    <message>
        <source>%1 already follows %2.</source>
        <translation>%1 folgt bereits auf %2.</translation>
    </message>
    <message>
        <source>%1 comes after %2: putting %2 after it would make a loop.</source>
        <translation>%1 kommt nach %2: %2 dahinter zu setzen, würde eine Schleife bilden.</translation>
    </message>
</context>
<context>
    <name>RevisionGraph</name>
    <message>
        <source>Branch name &apos;%1&apos; in revision %2 is already used by revision %3.</source>
        <translation>Der Branch-Name &apos;%1&apos; in Revision %2 wird bereits von Revision %3 verwendet.</translation>
    </message>
    <message>
        <source>Revision %1 has down_revision %2, but no script defines %2.</source>
        <translation>Revision %1 hat die down_revision %2, aber kein Skript definiert %2.</translation>
    </message>
    <message>
        <source>Revision %1 depends on %2, which is neither a revision nor a branch label.</source>
        <translation>Revision %1 hängt von %2 ab, das weder eine Revision noch ein Branch-Label ist.</translation>
    </message>
    <message>
        <source>Revision %1 is on a cycle of depends_on and down_revision references.</source>
        <translation>Revision %1 liegt auf einem Zyklus aus depends_on- und down_revision-Verweisen.</translation>
    </message>
    <message>
        <source>Revision %1 is on (or descends from) a cycle of down_revision references.</source>
        <translation>Revision %1 liegt auf einem Zyklus aus down_revision-Verweisen (oder stammt von einem ab).</translation>
    </message>
    <message>
        <source>An empty revision id was given.</source>
        <translation>Es wurde eine leere Revisions-Id angegeben.</translation>
    </message>
    <message>
        <source>No such revision or branch &apos;%1&apos;</source>
        <translation>Keine Revision und kein Branch &apos;%1&apos;</translation>
    </message>
    <message>
        <source>; please ensure at least four characters are present for partial revision identifier matches</source>
        <translation>; bitte geben Sie für Teiltreffer von Revisions-Ids mindestens vier Zeichen an</translation>
    </message>
    <message>
        <source>Multiple revisions start with &apos;%1&apos;: %2</source>
        <translation>Mehrere Revisionen beginnen mit &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>Revision id %1 is also used by %2, which alembic loads later: alembic ignores this file&apos;s revision but still counts it among the heads.</source>
        <translation>Die Revisions-Id %1 wird auch von %2 verwendet, das alembic später lädt: alembic übergeht die Revision dieser Datei, zählt sie aber weiter zu den Köpfen.</translation>
    </message>
    <message>
        <source>Revision id %1 is already used by %2; alembic loads this file later, so this file&apos;s revision takes the id.</source>
        <translation>Die Revisions-Id %1 wird bereits von %2 verwendet; alembic lädt diese Datei später, daher übernimmt die Revision dieser Datei die Id.</translation>
    </message>
</context>
<context>
    <name>RevisionParser</name>
    <message>
        <source>no value is given</source>
        <translation>es ist kein Wert angegeben</translation>
    </message>
    <message>
        <source>`%1` is an expression</source>
        <translation>`%1` ist ein Ausdruck</translation>
    </message>
    <message>
        <source>`%1` is read from another module at run time</source>
        <translation>`%1` wird zur Laufzeit aus einem anderen Modul gelesen</translation>
    </message>
    <message>
        <source>a value is missing</source>
        <translation>ein Wert fehlt</translation>
    </message>
    <message>
        <source>a bytes literal</source>
        <translation>ein Bytes-Literal</translation>
    </message>
    <message>
        <source>`%1` is an f-string</source>
        <translation>`%1` ist ein f-String</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein boolescher Wert</translation>
    </message>
    <message>
        <source>`%1` is computed by `%2` when Python runs the file</source>
        <translation>`%1` wird von `%2` berechnet, wenn Python die Datei ausführt</translation>
    </message>
    <message>
        <source>`%1` %2</source>
        <translation>`%1` %2</translation>
    </message>
    <message>
        <source>`%1` is not defined in this file</source>
        <translation>`%1` ist in dieser Datei nicht definiert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>`%1` is a set or dict, whose order Python decides</source>
        <translation>`%1` ist ein Set oder Dict, dessen Reihenfolge Python bestimmt</translation>
    </message>
    <message>
        <source>is changed by `%1`</source>
        <translation>wird durch `%1` verändert</translation>
    </message>
    <message>
        <source>is unpacked from `%1`</source>
        <translation>wird aus `%1` entpackt</translation>
    </message>
    <message>
        <source>is assigned inside an if/try/for/with block</source>
        <translation>wird innerhalb eines if/try/for/with-Blocks zugewiesen</translation>
    </message>
    <message>
        <source>The file contains NUL bytes: it is not Python source (a binary file?).</source>
        <translation>Die Datei enthält NUL-Bytes: Sie ist kein Python-Quelltext (eine Binärdatei?).</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 and declares no other encoding.</source>
        <translation>Die Datei ist kein gültiges UTF-8 und deklariert keine andere Kodierung.</translation>
    </message>
    <message>
        <source>The file declares the encoding &apos;%1&apos;, which Retort cannot read.</source>
        <translation>Die Datei deklariert die Kodierung &apos;%1&apos;, die Retort nicht lesen kann.</translation>
    </message>
    <message>
        <source>The file is not valid %1.</source>
        <translation>Die Datei ist kein gültiges %1.</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>es ist ein Ordner</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>es ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>is imported</source>
        <translation>wird importiert</translation>
    </message>
    <message>
        <source>is an imported module</source>
        <translation>ist ein importiertes Modul</translation>
    </message>
    <message>
        <source>is imported from `%1`</source>
        <translation>wird aus `%1` importiert</translation>
    </message>
    <message>
        <source>`%1` uses a name that is not defined (%2): Python raises NameError on import, so alembic cannot load this file.</source>
        <translation>`%1` verwendet einen Namen, der nicht definiert ist (%2): Python löst beim Import einen NameError aus, daher kann alembic diese Datei nicht laden.</translation>
    </message>
    <message>
        <source>The value of `%1` cannot be known without running Python: %2.</source>
        <translation>Der Wert von `%1` lässt sich nicht bestimmen, ohne Python auszuführen: %2.</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The file is %1 MB, larger than Retort reads (%2 MB): not a revision script?</source>
        <translation>Die Datei ist %1 MB groß, größer als Retort liest (%2 MB): kein Revisionsskript?</translation>
    </message>
    <message>
        <source>Python syntax error: %1. Alembic cannot import this file.</source>
        <translation>Python-Syntaxfehler: %1. Alembic kann diese Datei nicht importieren.</translation>
    </message>
    <message>
        <source>No module-level `revision = &quot;...&quot;` assignment, and the file name is not a legacy hex id: alembic cannot determine this revision&apos;s id.</source>
        <translation>Keine Zuweisung `revision = &quot;...&quot;` auf Modulebene, und der Dateiname ist keine alte Hex-Id: alembic kann die Id dieser Revision nicht bestimmen.</translation>
    </message>
    <message>
        <source>`revision` must be a string, not %1.</source>
        <translation>`revision` muss eine Zeichenkette sein, ist aber %1.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>a sequence</source>
        <translation>eine Sequenz</translation>
    </message>
    <message>
        <source>`revision` is empty.</source>
        <translation>`revision` ist leer.</translation>
    </message>
    <message>
        <source>The revision id &apos;%1&apos; contains &apos;@&apos;, &apos;-&apos; or &apos;+&apos;, which alembic does not allow.</source>
        <translation>Die Revisions-Id &apos;%1&apos; enthält &apos;@&apos;, &apos;-&apos; oder &apos;+&apos;, was alembic nicht erlaubt.</translation>
    </message>
    <message>
        <source>No module-level `%1` assignment: alembic fails to load this file. Shown as a base.</source>
        <translation>Keine Zuweisung von `%1` auf Modulebene: alembic kann diese Datei nicht laden. Als Basis dargestellt.</translation>
    </message>
    <message>
        <source>An entry of `%1` cannot be known without running Python: %2.</source>
        <translation>Ein Eintrag von `%1` lässt sich nicht bestimmen, ohne Python auszuführen: %2.</translation>
    </message>
    <message>
        <source>An entry of `%1` is %2, not a revision id string.</source>
        <translation>Ein Eintrag von `%1` ist %2 und keine Revisions-Id als Zeichenkette.</translation>
    </message>
    <message>
        <source>`%1` is %2, not a string or a tuple of strings.</source>
        <translation>`%1` ist %2, weder eine Zeichenkette noch ein Tupel von Zeichenketten.</translation>
    </message>
    <message>
        <source>Revision %1 names itself as its down_revision: a loop.</source>
        <translation>Revision %1 nennt sich selbst als down_revision: eine Schleife.</translation>
    </message>
    <message>
        <source>Revision %1 depends on itself: a loop.</source>
        <translation>Revision %1 hängt von sich selbst ab: eine Schleife.</translation>
    </message>
    <message>
        <source>The branch label &apos;%1&apos; contains &apos;@&apos;, &apos;-&apos; or &apos;+&apos;: targets cannot name it.</source>
        <translation>Das Branch-Label &apos;%1&apos; enthält &apos;@&apos;, &apos;-&apos; oder &apos;+&apos;: Ziele können es nicht benennen.</translation>
    </message>
    <message>
        <source>too many nested parentheses</source>
        <translation>zu viele verschachtelte Klammern</translation>
    </message>
    <message>
        <source>`%1` holds a \N{...} escape, which Retort does not decode</source>
        <translation>`%1` enthält eine \N{...}-Escape-Sequenz, die Retort nicht dekodiert</translation>
    </message>
    <message>
        <source>is bound by `:=` inside an expression</source>
        <translation>wird durch `:=` innerhalb eines Ausdrucks gebunden</translation>
    </message>
    <message>
        <source>is captured by a `case` pattern</source>
        <translation>wird von einem `case`-Muster erfasst</translation>
    </message>
    <message>
        <source>is deleted by `del`</source>
        <translation>wird durch `del` gelöscht</translation>
    </message>
    <message>
        <source>is a type alias defined in this file</source>
        <translation>ist ein in dieser Datei definierter Typalias</translation>
    </message>
    <message>
        <source>is a function defined in this file</source>
        <translation>ist eine in dieser Datei definierte Funktion</translation>
    </message>
    <message>
        <source>is a class defined in this file</source>
        <translation>ist eine in dieser Datei definierte Klasse</translation>
    </message>
    <message>
        <source>is the target of a `for` loop</source>
        <translation>ist das Ziel einer `for`-Schleife</translation>
    </message>
    <message>
        <source>is bound by `with ... as`</source>
        <translation>wird durch `with ... as` gebunden</translation>
    </message>
    <message>
        <source>is bound by `except ... as`, which unbinds it after the block</source>
        <translation>wird durch `except ... as` gebunden, das die Bindung nach dem Block wieder aufhebt</translation>
    </message>
    <message>
        <source>No module-level `%1` assignment Retort can read, but code on line %2 may set it: Retort cannot tell what alembic reads.</source>
        <translation>Keine Zuweisung von `%1` auf Modulebene, die Retort lesen kann, aber Code in Zeile %2 kann es setzen: Retort kann nicht sagen, was alembic liest.</translation>
    </message>
    <message>
        <source>`%1` can set any module-level name: Retort cannot tell what it sets, and alembic may read a different revision header.</source>
        <translation>`%1` kann jeden Namen auf Modulebene setzen: Retort kann nicht sagen, was es setzt, und alembic liest womöglich einen anderen Revisionskopf.</translation>
    </message>
    <message>
        <source>`global %1` lets a function or class rebind `%1`: Retort cannot tell which value alembic reads.</source>
        <translation>`global %1` erlaubt einer Funktion oder Klasse, `%1` neu zu binden: Retort kann nicht sagen, welchen Wert alembic liest.</translation>
    </message>
    <message>
        <source>A module-level `__getattr__` answers for the names the file does not set: Retort cannot tell what alembic reads for them.</source>
        <translation>Ein `__getattr__` auf Modulebene antwortet für die Namen, die die Datei nicht setzt: Retort kann nicht sagen, was alembic für sie liest.</translation>
    </message>
    <message>
        <source>may be set by `from %1 import *`</source>
        <translation>kann durch `from %1 import *` gesetzt werden</translation>
    </message>
</context>
<context>
    <name>SchemaHistory</name>
    <message>
        <source>its file was not read</source>
        <translation>ihre Datei wurde nicht gelesen</translation>
    </message>
    <message>
        <source>its file could not be read: %1</source>
        <translation>ihre Datei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>it has no upgrade() function</source>
        <translation>sie hat keine upgrade()-Funktion</translation>
    </message>
    <message>
        <source>upgrade() raises %1: alembic stops there</source>
        <translation>upgrade() löst %1 aus: alembic stoppt dort</translation>
    </message>
    <message>
        <source>an exception</source>
        <translation>eine Ausnahme</translation>
    </message>
    <message>
        <source>%1 on table `%2`, which no earlier migration Retort read creates</source>
        <translation>%1 auf Tabelle `%2`, die keine frühere von Retort gelesene Migration erstellt</translation>
    </message>
    <message>
        <source>%1 on column `%2.%3`, which no earlier migration Retort read creates</source>
        <translation>%1 auf Spalte `%2.%3`, die keine frühere von Retort gelesene Migration erstellt</translation>
    </message>
    <message>
        <source>raw SQL, not interpreted: %1</source>
        <translation>rohes SQL, nicht interpretiert: %1</translation>
    </message>
    <message>
        <source>code Retort does not read</source>
        <translation>Code, den Retort nicht liest</translation>
    </message>
    <message>
        <source>%1 without a table name Retort can read</source>
        <translation>%1 ohne einen Tabellennamen, den Retort lesen kann</translation>
    </message>
    <message>
        <source>create_table of `%1`, which already exists here</source>
        <translation>create_table von `%1`, die hier bereits existiert</translation>
    </message>
    <message>
        <source>rename_table of `%1` to a name Retort cannot read</source>
        <translation>rename_table von `%1` in einen Namen, den Retort nicht lesen kann</translation>
    </message>
    <message>
        <source>add_column to `%1` with a column Retort cannot read</source>
        <translation>add_column zu `%1` mit einer Spalte, die Retort nicht lesen kann</translation>
    </message>
    <message>
        <source>add_column of `%1.%2`, which already exists here</source>
        <translation>add_column von `%1.%2`, die hier bereits existiert</translation>
    </message>
</context>
<context>
    <name>ScriptDirectory</name>
    <message>
        <source>The version folder %1 does not exist.</source>
        <translation>Der Versionsordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The version location %1 is not a folder.</source>
        <translation>Der Versionsort %1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>This file is found twice through the version locations; it is loaded once. Make version_locations unique.</source>
        <translation>Diese Datei wird über die Versionsorte zweimal gefunden; sie wird einmal geladen. Machen Sie version_locations eindeutig.</translation>
    </message>
</context>
<context>
    <name>SqlAlchemyUrl</name>
    <message>
        <source>The URL&apos;s query parameter “%1” has a value Retort cannot use.</source>
        <translation>Der Abfrageparameter „%1“ der URL hat einen Wert, den Retort nicht verwenden kann.</translation>
    </message>
    <message>
        <source>The URL&apos;s query parameter “%1” contains &apos;;&apos;, which Qt&apos;s %2 driver cannot pass on.</source>
        <translation>Der Abfrageparameter „%1“ der URL enthält &apos;;&apos;, das Qts %2-Treiber nicht weitergeben kann.</translation>
    </message>
    <message>
        <source>The port %1 is out of range (1 to 65535).</source>
        <translation>Der Port %1 liegt außerhalb des gültigen Bereichs (1 bis 65535).</translation>
    </message>
    <message>
        <source>The database URL is empty.</source>
        <translation>Die Datenbank-URL ist leer.</translation>
    </message>
    <message>
        <source>This is not a SQLAlchemy database URL; expected dialect[+driver]://[user[:password]@][host][:port][/database].</source>
        <translation>Dies ist keine SQLAlchemy-Datenbank-URL; erwartet wird dialect[+driver]://[user[:password]@][host][:port][/database].</translation>
    </message>
    <message>
        <source>The port in the database URL is not a number.</source>
        <translation>Der Port in der Datenbank-URL ist keine Zahl.</translation>
    </message>
    <message>
        <source>The port in the database URL is out of range.</source>
        <translation>Der Port in der Datenbank-URL liegt außerhalb des gültigen Bereichs.</translation>
    </message>
    <message>
        <source>Qt&apos;s %1 SQL driver plugin is not installed.</source>
        <translation>Das %1-SQL-Treiber-Plugin von Qt ist nicht installiert.</translation>
    </message>
    <message>
        <source>Qt&apos;s %1 SQL driver plugin is not installed; on Debian or Ubuntu install the package %2.</source>
        <translation>Das %1-SQL-Treiber-Plugin von Qt ist nicht installiert; installieren Sie unter Debian oder Ubuntu das Paket %2.</translation>
    </message>
    <message>
        <source>“%1” is not a driver SQLAlchemy knows for the %2 dialect.</source>
        <translation>„%1“ ist kein Treiber, den SQLAlchemy für den Dialekt %2 kennt.</translation>
    </message>
    <message>
        <source>Encrypted SQLite databases (sqlite+pysqlcipher) cannot be opened with Qt&apos;s SQLite driver.</source>
        <translation>Verschlüsselte SQLite-Datenbanken (sqlite+pysqlcipher) können mit dem SQLite-Treiber von Qt nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>“postgres” is not a dialect name in SQLAlchemy 1.4 or later; write “postgresql://” instead.</source>
        <translation>„postgres“ ist ab SQLAlchemy 1.4 kein Dialektname mehr; schreiben Sie stattdessen „postgresql://“.</translation>
    </message>
    <message>
        <source>Retort cannot read “%1” databases: Qt has no SQL driver Retort supports for this dialect (supported: sqlite, postgresql, mysql, mariadb).</source>
        <translation>Retort kann keine „%1“-Datenbanken lesen: Qt hat für diesen Dialekt keinen SQL-Treiber, den Retort unterstützt (unterstützt: sqlite, postgresql, mysql, mariadb).</translation>
    </message>
    <message>
        <source>Invalid SQLite URL: it takes no user, password, host or port. Valid forms are sqlite:///:memory: (or sqlite://), sqlite:///relative/path/to/file.db and sqlite:////absolute/path/to/file.db.</source>
        <translation>Ungültige SQLite-URL: Sie nimmt keinen Benutzer, kein Passwort, keinen Host und keinen Port. Gültige Formen sind sqlite:///:memory: (oder sqlite://), sqlite:///relative/path/to/file.db und sqlite:////absolute/path/to/file.db.</translation>
    </message>
    <message>
        <source>A SQLite URL with uri=true needs a file: URI as its database.</source>
        <translation>Eine SQLite-URL mit uri=true braucht eine file:-URI als Datenbank.</translation>
    </message>
    <message>
        <source>Several hosts in one URL (multi-host connections) are not supported.</source>
        <translation>Mehrere Hosts in einer URL (Multi-Host-Verbindungen) werden nicht unterstützt.</translation>
    </message>
</context>
<context>
    <name>TargetResolver</name>
    <message>
        <source>alembic fails with an internal error (AssertionError: %1)</source>
        <translation>alembic scheitert mit einem internen Fehler (AssertionError: %1)</translation>
    </message>
    <message>
        <source>Requested revision %1 overlaps with other requested revisions %2</source>
        <translation>Die angeforderte Revision %1 überschneidet sich mit anderen angeforderten Revisionen %2</translation>
    </message>
    <message>
        <source>Multiple heads are present for given argument &apos;%1&apos;; %2</source>
        <translation>Für das angegebene Argument &apos;%1&apos; gibt es mehrere Köpfe; %2</translation>
    </message>
    <message>
        <source>Relative revision %1 didn&apos;t produce %2 migrations</source>
        <translation>Die relative Revision %1 ergab keine %2 Migrationen</translation>
    </message>
    <message>
        <source>No such branch: &apos;%1&apos;</source>
        <translation>Kein solcher Branch: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>No such revision or branch &apos;%1&apos;%2</source>
        <translation>Keine Revision und kein Branch &apos;%1&apos;%2</translation>
    </message>
    <message>
        <source>; please ensure at least four characters are present for partial revision identifier matches</source>
        <translation>; bitte geben Sie für Teiltreffer von Revisions-Ids mindestens vier Zeichen an</translation>
    </message>
    <message>
        <source>Multiple revisions start with &apos;%1&apos;: %2...</source>
        <translation>Mehrere Revisionen beginnen mit &apos;%1&apos;: %2...</translation>
    </message>
    <message>
        <source>Revision %1 is not a member of branch &apos;%2&apos;</source>
        <translation>Revision %1 gehört nicht zum Branch &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Ambiguous walk</source>
        <translation>Mehrdeutiger Weg</translation>
    </message>
    <message>
        <source>Ambiguous upgrade from multiple current revisions</source>
        <translation>Mehrdeutiges Upgrade von mehreren aktuellen Revisionen aus</translation>
    </message>
    <message>
        <source>Walked too far</source>
        <translation>Zu weit gegangen</translation>
    </message>
    <message>
        <source>Destination %1 is not a valid upgrade target from current head(s)</source>
        <translation>Ziel %1 ist kein gültiges Upgrade-Ziel von den aktuellen Köpfen aus</translation>
    </message>
    <message>
        <source>Destination %1 is not a valid downgrade target from current head(s)</source>
        <translation>Ziel %1 ist kein gültiges Downgrade-Ziel von den aktuellen Köpfen aus</translation>
    </message>
    <message>
        <source>Multiple head revisions are present for given argument &apos;%1&apos;; please specify a specific target revision, &apos;&lt;branchname&gt;@%1&apos; to narrow to a specific head, or &apos;heads&apos; for all heads</source>
        <translation>Für das angegebene Argument &apos;%1&apos; gibt es mehrere Kopf-Revisionen; geben Sie eine bestimmte Zielrevision an, &apos;&lt;branchname&gt;@%1&apos;, um auf einen bestimmten Kopf einzugrenzen, oder &apos;heads&apos; für alle Köpfe</translation>
    </message>
    <message>
        <source>Can&apos;t locate revision identified by &apos;%1&apos;</source>
        <translation>Die mit &apos;%1&apos; bezeichnete Revision wurde nicht gefunden</translation>
    </message>
</context>
<context>
    <name>VersionTableReader</name>
    <message>
        <source>Cannot look for the version table %1 in %2: %3</source>
        <translation>Die Versionstabelle %1 in %2 kann nicht gesucht werden: %3</translation>
    </message>
    <message>
        <source>Cannot read the version table %1 in %2: %3</source>
        <translation>Die Versionstabelle %1 in %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>The folder of the SQLite database file %1 does not exist</source>
        <translation>Der Ordner der SQLite-Datenbankdatei %1 existiert nicht</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Keine Verbindung zu %1 möglich: %2</translation>
    </message>
    <message>
        <source>The SQLite database %1 has an unfinished write: a process stopped while writing to it and left %2. SQLite undoes that write the next time a program opens the file for writing (any alembic command does, e.g. alembic current). Retort only reads, so it cannot read the file until then.</source>
        <translation>Die SQLite-Datenbank %1 hat einen unvollendeten Schreibvorgang: Ein Prozess wurde beim Schreiben angehalten und hat %2 hinterlassen. SQLite macht diesen Schreibvorgang rückgängig, sobald ein Programm die Datei zum Schreiben öffnet (jeder alembic-Befehl tut das, z. B. alembic current). Retort liest nur und kann die Datei bis dahin nicht lesen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A desktop workbench for Alembic migrations.</source>
        <translation>Eine Werkbank für Alembic-Migrationen.</translation>
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
    <message>
        <source>The project&apos;s alembic.ini or pyproject.toml, or its folder (its alembic.ini, else a pyproject.toml with [tool.alembic]). Without it, the project opened last.</source>
        <translation>Die alembic.ini oder pyproject.toml des Projekts oder sein Ordner (dessen alembic.ini, sonst eine pyproject.toml mit [tool.alembic]). Ohne diese Angabe das zuletzt geöffnete Projekt.</translation>
    </message>
    <message>
        <source>Work on the project&apos;s saved connection profile NAME.</source>
        <translation>Mit dem gespeicherten Verbindungsprofil NAME des Projekts arbeiten.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Work on the database at URL (an SQLAlchemy URL) for this session: a temporary profile that is never saved (a password in it stays in memory).</source>
        <translation>Für diese Sitzung mit der Datenbank unter URL (einer SQLAlchemy-URL) arbeiten: ein temporäres Profil, das nie gespeichert wird (ein darin enthaltenes Passwort bleibt nur im Speicher).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>--profile needs a name.</source>
        <translation>--profile braucht einen Namen.</translation>
    </message>
    <message>
        <source>--profile and --url both choose the database: give one of them.</source>
        <translation>--profile und --url wählen beide die Datenbank: Geben Sie nur eine der beiden Optionen an.</translation>
    </message>
    <message>
        <source>--url: %1</source>
        <translation>--url: %1</translation>
    </message>
    <message>
        <source>%1 needs a project: give its PATH (no project was open last time).</source>
        <translation>%1 braucht ein Projekt: Geben Sie dessen PATH an (beim letzten Mal war kein Projekt geöffnet).</translation>
    </message>
</context>
<context>
    <name>retort</name>
    <message>
        <source>the ini text</source>
        <translation>der ini-Text</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; in [tool.alembic] refers to &apos;%(%3)s&apos;; only %(here)s is known (write %% for a literal percent sign)</source>
        <translation>%1: &apos;%2&apos; in [tool.alembic] verweist auf &apos;%(%3)s&apos;; bekannt ist nur %(here)s (schreiben Sie %% für ein wörtliches Prozentzeichen)</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; in [tool.alembic] has a &apos;%&apos; that is not %(here)s or %% (write %% for a literal percent sign)</source>
        <translation>%1: &apos;%2&apos; in [tool.alembic] enthält ein &apos;%&apos;, das weder %(here)s noch %% ist (schreiben Sie %% für ein wörtliches Prozentzeichen)</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a valid value for %3 in section [%4]; expected &apos;space&apos;, &apos;newline&apos;, &apos;os&apos;, &apos;:&apos; or &apos;;&apos;</source>
        <translation>%1: &apos;%2&apos; ist kein gültiger Wert für %3 im Abschnitt [%4]; erwartet wird &apos;space&apos;, &apos;newline&apos;, &apos;os&apos;, &apos;:&apos; oder &apos;;&apos;</translation>
    </message>
    <message>
        <source>Cannot resolve %1 &apos;%2&apos;: &apos;%3&apos; is not a Python package name</source>
        <translation>%1 &apos;%2&apos; kann nicht aufgelöst werden: &apos;%3&apos; ist kein Python-Paketname</translation>
    </message>
    <message>
        <source>Cannot resolve %1 &apos;%2&apos;: no folder for the Python package &apos;%3&apos; was found in prepend_sys_path, in %4 or in its parent folders</source>
        <translation>%1 &apos;%2&apos; kann nicht aufgelöst werden: Für das Python-Paket &apos;%3&apos; wurde weder in prepend_sys_path noch in %4 oder dessen übergeordneten Ordnern ein Ordner gefunden</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; in [tool.alembic] must be a list of strings</source>
        <translation>%1: &apos;%2&apos; in [tool.alembic] muss eine Liste von Zeichenketten sein</translation>
    </message>
    <message>
        <source>%1: script_location in [tool.alembic] must be a string</source>
        <translation>%1: script_location in [tool.alembic] muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>%1 has no script_location in section [%2], and %3 has none in [tool.alembic]</source>
        <translation>%1 hat keine script_location im Abschnitt [%2], und %3 hat keine in [tool.alembic]</translation>
    </message>
    <message>
        <source>%1 has no script_location in [tool.alembic]</source>
        <translation>%1 hat keine script_location in [tool.alembic]</translation>
    </message>
    <message>
        <source>%1 has no script_location in section [%2]</source>
        <translation>%1 hat keine script_location im Abschnitt [%2]</translation>
    </message>
    <message>
        <source>script_location is empty in %1</source>
        <translation>script_location ist leer in %1</translation>
    </message>
    <message>
        <source>%1: recursive_version_locations in [tool.alembic] must be true or false</source>
        <translation>%1: recursive_version_locations in [tool.alembic] muss true oder false sein</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>No configuration file given</source>
        <translation>Keine Konfigurationsdatei angegeben</translation>
    </message>
    <message>
        <source>Cannot open %1: the file does not exist</source>
        <translation>%1 kann nicht geöffnet werden: Die Datei existiert nicht</translation>
    </message>
    <message>
        <source>Cannot open %1: it is a folder</source>
        <translation>%1 kann nicht geöffnet werden: Es ist ein Ordner</translation>
    </message>
    <message>
        <source>%1: tool.alembic is not a table</source>
        <translation>%1: tool.alembic ist keine Tabelle</translation>
    </message>
    <message>
        <source>%1 has no [tool.alembic] section</source>
        <translation>%1 hat keinen Abschnitt [tool.alembic]</translation>
    </message>
    <message>
        <source>No config section &apos;%1&apos; in %2</source>
        <translation>Kein Konfigurationsabschnitt &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <source>Cannot open %1: the file is too large</source>
        <translation>%1 kann nicht geöffnet werden: Die Datei ist zu groß</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: it is not UTF-8 text</source>
        <translation>%1 kann nicht gelesen werden: Es ist kein UTF-8-Text</translation>
    </message>
    <message>
        <source>ini text</source>
        <translation>ini-Text</translation>
    </message>
    <message>
        <source>%1: section [%2] appears more than once</source>
        <translation>%1: Abschnitt [%2] kommt mehr als einmal vor</translation>
    </message>
    <message>
        <source>%1: expected a [section] header before any option, found %2</source>
        <translation>%1: Vor der ersten Option wird eine [Abschnitt]-Überschrift erwartet, gefunden: %2</translation>
    </message>
    <message>
        <source>%1: expected &quot;key = value&quot; or a [section] header, found %2</source>
        <translation>%1: Erwartet wird &quot;Schlüssel = Wert&quot; oder eine [Abschnitt]-Überschrift, gefunden: %2</translation>
    </message>
    <message>
        <source>%1: option &apos;%2&apos; appears more than once in section [%3]</source>
        <translation>%1: Option &apos;%2&apos; kommt im Abschnitt [%3] mehr als einmal vor</translation>
    </message>
    <message>
        <source>Option &apos;%1&apos; in section [%2]: the interpolation is nested more than %3 levels deep (does a value refer to itself?)</source>
        <translation>Option &apos;%1&apos; im Abschnitt [%2]: Die Interpolation ist mehr als %3 Ebenen tief verschachtelt (verweist ein Wert auf sich selbst?)</translation>
    </message>
    <message>
        <source>Option &apos;%1&apos; in section [%2]: the value is too long after interpolation</source>
        <translation>Option &apos;%1&apos; im Abschnitt [%2]: Der Wert ist nach der Interpolation zu lang</translation>
    </message>
    <message>
        <source>Option &apos;%1&apos; in section [%2]: bad interpolation reference %3 (expected %(name)s)</source>
        <translation>Option &apos;%1&apos; im Abschnitt [%2]: Ungültiger Interpolationsverweis %3 (erwartet: %(name)s)</translation>
    </message>
    <message>
        <source>Option &apos;%1&apos; in section [%2] refers to &apos;%(%3)s&apos;, which is not an option of that section or of [DEFAULT]</source>
        <translation>Option &apos;%1&apos; im Abschnitt [%2] verweist auf &apos;%(%3)s&apos;, das keine Option dieses Abschnitts oder von [DEFAULT] ist</translation>
    </message>
    <message>
        <source>Option &apos;%1&apos; in section [%2]: &apos;%&apos; must be followed by &apos;%&apos; or &apos;(&apos;, found %3 (write %% for a literal percent sign)</source>
        <translation>Option &apos;%1&apos; im Abschnitt [%2]: Auf &apos;%&apos; muss &apos;%&apos; oder &apos;(&apos; folgen, gefunden: %3 (schreiben Sie %% für ein wörtliches Prozentzeichen)</translation>
    </message>
    <message>
        <source>No section [%1] in %2</source>
        <translation>Kein Abschnitt [%1] in %2</translation>
    </message>
    <message>
        <source>No option &apos;%1&apos; in section [%2] of %3</source>
        <translation>Keine Option &apos;%1&apos; im Abschnitt [%2] von %3</translation>
    </message>
    <message>
        <source>TOML text</source>
        <translation>TOML-Text</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <source>control character %1 in a comment</source>
        <translation>Steuerzeichen %1 in einem Kommentar</translation>
    </message>
    <message>
        <source>a carriage return not followed by a line feed</source>
        <translation>ein Wagenrücklauf ohne folgenden Zeilenvorschub</translation>
    </message>
    <message>
        <source>expected the end of the line, found %1</source>
        <translation>Zeilenende erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>a key cannot be a multi-line string</source>
        <translation>ein Schlüssel kann keine mehrzeilige Zeichenkette sein</translation>
    </message>
    <message>
        <source>expected a key</source>
        <translation>Schlüssel erwartet</translation>
    </message>
    <message>
        <source>expected a key, found %1</source>
        <translation>Schlüssel erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>a key with more than %1 parts</source>
        <translation>ein Schlüssel mit mehr als %1 Teilen</translation>
    </message>
    <message>
        <source>a backslash at the end of a string</source>
        <translation>ein Backslash am Ende einer Zeichenkette</translation>
    </message>
    <message>
        <source>invalid escape sequence \%1 in a string</source>
        <translation>ungültige Escape-Sequenz \%1 in einer Zeichenkette</translation>
    </message>
    <message>
        <source>\%1 must be followed by %2 hexadecimal digits</source>
        <translation>auf \%1 müssen %2 Hexadezimalziffern folgen</translation>
    </message>
    <message>
        <source>\%1%2 is not a Unicode scalar value</source>
        <translation>\%1%2 ist kein Unicode-Skalarwert</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>nicht abgeschlossene Zeichenkette</translation>
    </message>
    <message>
        <source>control character %1 in a string</source>
        <translation>Steuerzeichen %1 in einer Zeichenkette</translation>
    </message>
    <message>
        <source>unterminated multi-line string</source>
        <translation>nicht abgeschlossene mehrzeilige Zeichenkette</translation>
    </message>
    <message>
        <source>unterminated array</source>
        <translation>nicht abgeschlossenes Array</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; in an array, found %1</source>
        <translation>&apos;,&apos; oder &apos;]&apos; in einem Array erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>an inline table must be on one line and end with &apos;}&apos;</source>
        <translation>eine Inline-Tabelle muss in einer Zeile stehen und mit &apos;}&apos; enden</translation>
    </message>
    <message>
        <source>a trailing comma is not allowed in an inline table</source>
        <translation>ein abschließendes Komma ist in einer Inline-Tabelle nicht erlaubt</translation>
    </message>
    <message>
        <source>expected &apos;=&apos; after the key %1</source>
        <translation>&apos;=&apos; nach dem Schlüssel %1 erwartet</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; in an inline table, found %1</source>
        <translation>&apos;,&apos; oder &apos;}&apos; in einer Inline-Tabelle erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a value</source>
        <translation>Wert erwartet</translation>
    </message>
    <message>
        <source>expected a value, found %1</source>
        <translation>Wert erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>values nested more than %1 levels deep</source>
        <translation>Werte mehr als %1 Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <source>cannot define the table [%1]: %2 is already a value</source>
        <translation>die Tabelle [%1] kann nicht definiert werden: %2 ist bereits ein Wert</translation>
    </message>
    <message>
        <source>cannot define the table [%1]: %2 is an inline table</source>
        <translation>die Tabelle [%1] kann nicht definiert werden: %2 ist eine Inline-Tabelle</translation>
    </message>
    <message>
        <source>cannot define [[%1]]: the key is already defined</source>
        <translation>[[%1]] kann nicht definiert werden: der Schlüssel ist bereits definiert</translation>
    </message>
    <message>
        <source>the table [%1] is defined more than once</source>
        <translation>die Tabelle [%1] ist mehr als einmal definiert</translation>
    </message>
    <message>
        <source>cannot set %1: %2 is already defined</source>
        <translation>%1 kann nicht gesetzt werden: %2 ist bereits definiert</translation>
    </message>
    <message>
        <source>the key %1 is defined more than once</source>
        <translation>der Schlüssel %1 ist mehr als einmal definiert</translation>
    </message>
    <message>
        <source>expected &apos;]]&apos; after [[%1</source>
        <translation>&apos;]]&apos; nach [[%1 erwartet</translation>
    </message>
    <message>
        <source>expected &apos;]&apos; after [%1</source>
        <translation>&apos;]&apos; nach [%1 erwartet</translation>
    </message>
    <message>
        <source>invalid date-time %1</source>
        <translation>ungültiges Datum mit Uhrzeit %1</translation>
    </message>
    <message>
        <source>invalid date %1</source>
        <translation>ungültiges Datum %1</translation>
    </message>
    <message>
        <source>invalid time %1</source>
        <translation>ungültige Uhrzeit %1</translation>
    </message>
    <message>
        <source>the integer %1 is out of range</source>
        <translation>die Ganzzahl %1 liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>the number %1 is out of range</source>
        <translation>die Zahl %1 liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>invalid value %1 (strings need quotes)</source>
        <translation>ungültiger Wert %1 (Zeichenketten brauchen Anführungszeichen)</translation>
    </message>
    <message>
        <source>%1: %2 does not read pyproject.toml; [tool.alembic] needs alembic 1.16 or newer</source>
        <translation>%1: %2 liest keine pyproject.toml; [tool.alembic] braucht alembic 1.16 oder neuer</translation>
    </message>
    <message>
        <source>Cannot open %1: it is not a regular file</source>
        <translation>%1 kann nicht geöffnet werden: Es ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>no project open</source>
        <translation>kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Retort %1&lt;/h3&gt;&lt;p&gt;A desktop workbench for Alembic database migrations: the revision graph, the scripts, and where each database stands.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Retort %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank für Alembic-Datenbankmigrationen: der Revisionsgraph, die Skripte und der Stand jeder Datenbank.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=&quot;0&quot; cellpadding=&quot;2&quot;&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%1 (built with %2)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QScintilla&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Graphviz&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Alembic&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=&quot;0&quot; cellpadding=&quot;2&quot;&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%1 (kompiliert mit %2)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QScintilla&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Graphviz&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Alembic&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Freie Software unter der GNU General Public License, Version 3 oder neuer.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Retort</source>
        <translation>Retort</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (kompiliert mit %2)</translation>
    </message>
    <message>
        <source>QScintilla</source>
        <translation>QScintilla</translation>
    </message>
    <message>
        <source>Graphviz</source>
        <translation>Graphviz</translation>
    </message>
    <message>
        <source>Alembic</source>
        <translation>Alembic</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>Betriebssystem</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Platform plugin</source>
        <translation>Plattform-Plugin</translation>
    </message>
    <message>
        <source>Locale</source>
        <translation>Gebietsschema</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Bildschirme</translation>
    </message>
    <message>
        <source>%1, device pixel ratio %2</source>
        <translation>%1, Gerätepixelverhältnis %2</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>%1 revisions, %2 heads, %3 diagnostics</source>
        <translation>%1 Revisionen, %2 Köpfe, %3 Befunde</translation>
    </message>
    <message>
        <source>none open</source>
        <translation>keines geöffnet</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
</context>
<context>
    <name>retort::AlembicProgram</name>
    <message>
        <source>The Python interpreter &quot;%1&quot; set in the project settings was not found on PATH. Set the Python interpreter in the project settings to the full path of one that has alembic installed.</source>
        <translation>Der in den Projekteinstellungen festgelegte Python-Interpreter „%1“ wurde im PATH nicht gefunden. Legen Sie in den Projekteinstellungen den vollständigen Pfad eines Python-Interpreters fest, in dem alembic installiert ist.</translation>
    </message>
    <message>
        <source>The Python interpreter %1 set in the project settings does not exist. Set the Python interpreter in the project settings to one that has alembic installed.</source>
        <translation>Der in den Projekteinstellungen festgelegte Python-Interpreter %1 existiert nicht. Legen Sie in den Projekteinstellungen einen Python-Interpreter fest, in dem alembic installiert ist.</translation>
    </message>
    <message>
        <source>The Python interpreter %1 set in the project settings is not an executable file. Set the Python interpreter in the project settings to one that has alembic installed.</source>
        <translation>Der in den Projekteinstellungen festgelegte Python-Interpreter %1 ist keine ausführbare Datei. Legen Sie in den Projekteinstellungen einen Python-Interpreter fest, in dem alembic installiert ist.</translation>
    </message>
    <message>
        <source>alembic was not found: there is no .venv/bin/alembic or venv/bin/alembic in the project&apos;s folder or the folders above it, no Python interpreter is set in the project settings, and no alembic is on PATH. Set the Python interpreter in the project settings to one that has alembic installed.</source>
        <translation>alembic wurde nicht gefunden: Im Projektordner und den Ordnern darüber gibt es kein .venv/bin/alembic oder venv/bin/alembic, in den Projekteinstellungen ist kein Python-Interpreter festgelegt, und im PATH ist kein alembic. Legen Sie in den Projekteinstellungen einen Python-Interpreter fest, in dem alembic installiert ist.</translation>
    </message>
</context>
<context>
    <name>retort::AlembicRules</name>
    <message>
        <source>alembic %1</source>
        <translation>alembic %1</translation>
    </message>
    <message>
        <source>alembic %1 (planned with the rules of %2.%3, the nearest Retort knows)</source>
        <translation>alembic %1 (geplant nach den Regeln von %2.%3, den nächsten, die Retort kennt)</translation>
    </message>
</context>
<context>
    <name>retort::AppTheme</name>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
</context>
<context>
    <name>retort::ApplySeveralConfirmDialog</name>
    <message>
        <source>Apply %1 to Several Databases</source>
        <translation>%1 auf mehrere Datenbanken anwenden</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>(empty: at base)</source>
        <translation>(leer: auf Basis)</translation>
    </message>
    <message>
        <source>“%1” is already at %2 (%3): nothing runs there.</source>
        <translation>„%1“ steht bereits auf %2 (%3): Dort läuft nichts.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Apply “%1” to each database below, one after another in this order. The first failure stops the rest; every database is read again at the end.</source>
        <translation>„%1“ auf jede Datenbank unten anwenden, eine nach der anderen in dieser Reihenfolge. Der erste Fehler stoppt den Rest; am Ende wird jede Datenbank neu gelesen.</translation>
    </message>
    <message>
        <source>&amp;Apply to 1 Database</source>
        <translation>Auf 1 Datenbank &amp;anwenden</translation>
    </message>
    <message>
        <source>&amp;Apply to %1 Databases</source>
        <translation>Auf %1 Datenbanken &amp;anwenden</translation>
    </message>
</context>
<context>
    <name>retort::ApplySeveralDialog</name>
    <message>
        <source>Apply to Several Databases</source>
        <translation>Auf mehrere Datenbanken anwenden</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>A revision, heads, base, label@head, +1, -1… as alembic takes it</source>
        <translation>Eine Revision, heads, base, label@head, +1, -1… wie alembic es annimmt</translation>
    </message>
    <message>
        <source>Each database is upgraded or downgraded to the target, as it needs; one already there is left alone. The databases run one after another in this order, and the first failure stops the rest.</source>
        <translation>Jede Datenbank erhält nach Bedarf ein Upgrade oder Downgrade auf das Ziel; eine, die schon dort steht, bleibt unberührt. Die Datenbanken laufen nacheinander in dieser Reihenfolge, und der erste Fehler stoppt den Rest.</translation>
    </message>
    <message>
        <source>&amp;Databases, in order (Space ticks, Alt+Up and Alt+Down move):</source>
        <translation>&amp;Datenbanken, in Reihenfolge (Leertaste hakt an, Alt+Pfeil nach oben und Alt+Pfeil nach unten verschieben):</translation>
    </message>
    <message>
        <source> (protected)</source>
        <translation> (geschützt)</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>&amp;Show Plans…</source>
        <translation>&amp;Pläne anzeigen…</translation>
    </message>
</context>
<context>
    <name>retort::CompareView</name>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Revision, label@head, heads…</source>
        <translation>Revision, label@head, heads…</translation>
    </message>
    <message>
        <source>S&amp;wap</source>
        <translation>&amp;Tauschen</translation>
    </message>
    <message>
        <source>Compare the other way round: B to A</source>
        <translation>Andersherum vergleichen: B mit A</translation>
    </message>
    <message>
        <source>&amp;A:</source>
        <translation>&amp;A:</translation>
    </message>
    <message>
        <source>&amp;B:</source>
        <translation>&amp;B:</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Führt aus</translation>
    </message>
    <message>
        <source>To bring A to where B stands, run in &amp;order:</source>
        <translation>Um A dorthin zu bringen, wo B steht, in dieser &amp;Reihenfolge ausführen:</translation>
    </message>
    <message>
        <source>&amp;Copy Commands</source>
        <translation>Befehle &amp;kopieren</translation>
    </message>
    <message>
        <source>Show on &amp;graph</source>
        <translation>Im &amp;Graphen zeigen</translation>
    </message>
    <message>
        <source>Mark the revisions only A has (orange) and only B has (blue)</source>
        <translation>Die Revisionen markieren, die nur A hat (orange) und die nur B hat (blau)</translation>
    </message>
    <message>
        <source>Add a second database in the Databases pane, or compare with a revision.</source>
        <translation>Fügen Sie im Bereich „Datenbanken“ eine zweite Datenbank hinzu oder vergleichen Sie mit einer Revision.</translation>
    </message>
    <message>
        <source>A revision:</source>
        <translation>Eine Revision:</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>Es ist kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>No database is configured: add one in the Databases pane.</source>
        <translation>Es ist keine Datenbank konfiguriert: Fügen Sie im Bereich „Datenbanken“ eine hinzu.</translation>
    </message>
    <message>
        <source>“%1” has not been read yet.</source>
        <translation>„%1“ wurde noch nicht gelesen.</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>“%1” is not a configured database.</source>
        <translation>„%1“ ist keine konfigurierte Datenbank.</translation>
    </message>
    <message>
        <source>Choose two different databases, or a revision for B.</source>
        <translation>Wählen Sie zwei verschiedene Datenbanken oder eine Revision für B.</translation>
    </message>
    <message>
        <source>Type the revision to compare A with (an id, a label@head, heads…).</source>
        <translation>Geben Sie die Revision ein, mit der A verglichen wird (eine Id, ein label@head, heads…).</translation>
    </message>
    <message>
        <source>In sync: %1 and %2 have the same revisions applied.</source>
        <translation>Synchron: %1 und %2 haben dieselben Revisionen angewendet.</translation>
    </message>
    <message>
        <source>%1 has nothing that %2 lacks</source>
        <translation>%1 hat nichts, was %2 fehlt</translation>
    </message>
    <message>
        <source>Only in A:</source>
        <translation>Nur in A:</translation>
    </message>
    <message>
        <source>Only in B:</source>
        <translation>Nur in B:</translation>
    </message>
    <message>
        <source>Only in A, %1 (%2):</source>
        <translation>Nur in A, %1 (%2):</translation>
    </message>
    <message>
        <source>Only in B, %1 (%2):</source>
        <translation>Nur in B, %1 (%2):</translation>
    </message>
    <message>
        <source>upgrades 1 revision</source>
        <translation>Upgrade von 1 Revision</translation>
    </message>
    <message>
        <source>downgrades 1 revision</source>
        <translation>Downgrade von 1 Revision</translation>
    </message>
    <message>
        <source>upgrades %1 revisions</source>
        <translation>Upgrade von %1 Revisionen</translation>
    </message>
    <message>
        <source>downgrades %1 revisions</source>
        <translation>Downgrade von %1 Revisionen</translation>
    </message>
    <message>
        <source>%1 has one revision that %2 lacks</source>
        <translation>%1 hat eine Revision, die %2 fehlt</translation>
    </message>
    <message>
        <source>%1 has %2 revisions that %3 lacks</source>
        <translation>%1 hat %2 Revisionen, die %3 fehlen</translation>
    </message>
    <message>
        <source>One alembic command brings %1 to where %2 stands.</source>
        <translation>Ein alembic-Befehl bringt %1 dorthin, wo %2 steht.</translation>
    </message>
    <message>
        <source>%1 alembic commands bring %2 to where %3 stands.</source>
        <translation>%1 alembic-Befehle bringen %2 dorthin, wo %3 steht.</translation>
    </message>
    <message>
        <source>%1; %2. %3</source>
        <translation>%1; %2. %3</translation>
    </message>
</context>
<context>
    <name>retort::DatabaseListModel</name>
    <message>
        <source>not read yet</source>
        <translation>noch nicht gelesen</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <source>at base (no version table rows)</source>
        <translation>auf Basis (keine Zeilen in der Versionstabelle)</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>%1 (no script)</source>
        <translation>%1 (kein Skript)</translation>
    </message>
    <message>
        <source>%1 (alembic.ini)</source>
        <translation>%1 (alembic.ini)</translation>
    </message>
    <message>
        <source>Protected: runs against this database ask you to type its name.</source>
        <translation>Geschützt: Vor Läufen gegen diese Datenbank müssen Sie ihren Namen eingeben.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Where it stands</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>file missing: %1 does not exist</source>
        <translation>Datei fehlt: %1 existiert nicht</translation>
    </message>
    <message>
        <source>The file %1 does not exist (moved or deleted?); alembic would create it, empty, on its first run.</source>
        <translation>Die Datei %1 existiert nicht (verschoben oder gelöscht?); alembic würde sie beim ersten Lauf leer anlegen.</translation>
    </message>
    <message>
        <source>%1 (this session)</source>
        <comment>a profile from the command line, not saved</comment>
        <translation>%1 (diese Sitzung)</translation>
    </message>
    <message>
        <source>Given on the command line for this session: it is not saved, and its password stays in memory.</source>
        <translation>Für diese Sitzung auf der Befehlszeile angegeben: Es wird nicht gespeichert, und sein Passwort bleibt nur im Speicher.</translation>
    </message>
</context>
<context>
    <name>retort::DatabaseMarkerItem</name>
    <message>
        <source>Database %1 is at %2</source>
        <translation>Datenbank %1 steht auf %2</translation>
    </message>
</context>
<context>
    <name>retort::DatabaseSession</name>
    <message>
        <source>Retort does not know %1 of this profile; Refresh to type it in.</source>
        <translation>Retort kennt %1 dieses Profils nicht; Aktualisieren, um es einzugeben.</translation>
    </message>
</context>
<context>
    <name>retort::DatabasesController</name>
    <message>
        <source>Remove Profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove the connection profile %1? The database itself is not touched.</source>
        <translation>Das Verbindungsprofil %1 entfernen? Die Datenbank selbst bleibt unberührt.</translation>
    </message>
    <message>
        <source>The password and secret environment values are saved in the system keychain, not in Retort&apos;s settings.</source>
        <translation>Das Passwort und geheime Umgebungswerte werden im Schlüsselbund des Systems gespeichert, nicht in Retorts Einstellungen.</translation>
    </message>
    <message>
        <source>Not saved: no keychain available (%1). Retort keeps the password in memory until it quits, and asks for it once in the next session.</source>
        <translation>Nicht gespeichert: kein Schlüsselbund verfügbar (%1). Retort behält das Passwort im Speicher, bis es beendet wird, und fragt in der nächsten Sitzung einmal danach.</translation>
    </message>
    <message>
        <source>Asking the system keychain…</source>
        <translation>Frage den Schlüsselbund des Systems…</translation>
    </message>
</context>
<context>
    <name>retort::DatabasesView</name>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Add a connection profile</source>
        <translation>Ein Verbindungsprofil hinzufügen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the selected profile</source>
        <translation>Das ausgewählte Profil bearbeiten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected profile</source>
        <translation>Das ausgewählte Profil entfernen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read every database&apos;s version table again</source>
        <translation>Die Versionstabelle jeder Datenbank neu einlesen</translation>
    </message>
    <message>
        <source>&amp;Compare With…</source>
        <translation>&amp;Vergleichen mit…</translation>
    </message>
    <message>
        <source>Compare this database with another one or with a revision</source>
        <translation>Diese Datenbank mit einer anderen oder mit einer Revision vergleichen</translation>
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
    <name>retort::DriftCheck</name>
    <message>
        <source>Check Drift runs “alembic check”, which alembic added in %1; this project&apos;s Python has alembic %2. Install a newer alembic for it (or choose another interpreter in Run ▸ Python Interpreter…).</source>
        <translation>Drift prüfen führt „alembic check“ aus, das alembic in %1 eingeführt hat; das Python dieses Projekts hat alembic %2. Installieren Sie dafür ein neueres alembic (oder wählen Sie unter Ausführen ▸ Python-Interpreter… einen anderen Interpreter).</translation>
    </message>
    <message>
        <source>Differences Retort could not read one by one</source>
        <translation>Unterschiede, die Retort nicht einzeln lesen konnte</translation>
    </message>
    <message>
        <source>This alembic has no “check” command (alembic added it in %1).</source>
        <translation>Dieses alembic hat keinen Befehl „check“ (alembic hat ihn in %1 eingeführt).</translation>
    </message>
    <message>
        <source>alembic check exited with code %1.</source>
        <translation>alembic check wurde mit Code %1 beendet.</translation>
    </message>
    <message>
        <source>Add table %1</source>
        <translation>Tabelle %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove table %1</source>
        <translation>Tabelle %1 entfernen</translation>
    </message>
    <message>
        <source>Set the comment of table %1</source>
        <translation>Den Kommentar von Tabelle %1 setzen</translation>
    </message>
    <message>
        <source>Remove the comment of table %1</source>
        <translation>Den Kommentar von Tabelle %1 entfernen</translation>
    </message>
    <message>
        <source>Add column %1</source>
        <translation>Spalte %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove column %1</source>
        <translation>Spalte %1 entfernen</translation>
    </message>
    <message>
        <source>Make %1 NOT NULL</source>
        <translation>%1 auf NOT NULL setzen</translation>
    </message>
    <message>
        <source>Make %1 nullable</source>
        <translation>%1 NULL-fähig machen</translation>
    </message>
    <message>
        <source>Change the type of %1 from %2 to %3</source>
        <translation>Den Typ von %1 von %2 in %3 ändern</translation>
    </message>
    <message>
        <source>Change the server default of %1 from %2 to %3</source>
        <translation>Den Server-Standardwert von %1 von %2 in %3 ändern</translation>
    </message>
    <message>
        <source>Change the comment of %1 from %2 to %3</source>
        <translation>Den Kommentar von %1 von %2 in %3 ändern</translation>
    </message>
    <message>
        <source>%1 of %2: %3 to %4</source>
        <translation>%1 von %2: %3 zu %4</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>Add index %1</source>
        <translation>Index %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove index %1</source>
        <translation>Index %1 entfernen</translation>
    </message>
    <message>
        <source>Add foreign key %1</source>
        <translation>Fremdschlüssel %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove foreign key %1</source>
        <translation>Fremdschlüssel %1 entfernen</translation>
    </message>
    <message>
        <source>Add %1 %2</source>
        <translation>%1 %2 hinzufügen</translation>
    </message>
    <message>
        <source>Remove %1 %2</source>
        <translation>%1 %2 entfernen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>retort::EnvironmentListModel</name>
    <message>
        <source>1 difference</source>
        <translation>1 Unterschied</translation>
    </message>
    <message>
        <source>%1 differences</source>
        <translation>%1 Unterschiede</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>in sync</source>
        <translation>synchron</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>needs alembic %1</source>
        <translation>braucht alembic %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>drift result (time checked)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Running “alembic check” on “%1”…</source>
        <translation>„alembic check“ läuft auf „%1“…</translation>
    </message>
    <message>
        <source>“%1” has not been checked for drift. Check Drift runs “alembic check”: it runs the project&apos;s env.py and compares its models with the database.</source>
        <translation>„%1“ wurde noch nicht auf Drift geprüft. Drift prüfen führt „alembic check“ aus: Es führt die env.py des Projekts aus und vergleicht dessen Modelle mit der Datenbank.</translation>
    </message>
    <message>
        <source>%1 with alembic %2</source>
        <translation>%1 mit alembic %2</translation>
    </message>
    <message>
        <source>“%1” is in sync with the models: alembic found nothing a new revision would add (checked %2).</source>
        <translation>„%1“ ist synchron mit den Modellen: alembic hat nichts gefunden, was eine neue Revision hinzufügen würde (geprüft %2).</translation>
    </message>
    <message>
        <source>“%1” differs from the models: %2 (checked %3). A new autogenerated revision would hold:</source>
        <translation>„%1“ weicht von den Modellen ab: %2 (geprüft %3). Eine neue automatisch erzeugte Revision würde enthalten:</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>The drift check of “%1” failed (%2): %3</source>
        <translation>Die Drift-Prüfung von „%1“ ist fehlgeschlagen (%2): %3</translation>
    </message>
    <message>
        <source>The drift of “%1” could not be checked (%2): %3</source>
        <translation>Die Drift von „%1“ konnte nicht geprüft werden (%2): %3</translation>
    </message>
    <message>
        <source>%1 (alembic.ini)</source>
        <translation>%1 (alembic.ini)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Protected: runs against this database ask you to type its name.</source>
        <translation>Geschützt: Vor Läufen gegen diese Datenbank müssen Sie ihren Namen eingeben.</translation>
    </message>
    <message>
        <source>Revisions of the project this database has not applied</source>
        <translation>Revisionen des Projekts, die diese Datenbank nicht angewendet hat</translation>
    </message>
    <message>
        <source>Heads of the project this database has not reached</source>
        <translation>Köpfe des Projekts, die diese Datenbank nicht erreicht hat</translation>
    </message>
    <message>
        <source>Version table read %1</source>
        <translation>Versionstabelle gelesen %1</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Where it stands</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Heads it lacks</source>
        <translation>Fehlende Köpfe</translation>
    </message>
    <message>
        <source>Last read</source>
        <translation>Zuletzt gelesen</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
</context>
<context>
    <name>retort::EnvironmentsController</name>
    <message>
        <source>Check Drift</source>
        <translation>Drift prüfen</translation>
    </message>
    <message>
        <source>No project or no database profile “%1”.</source>
        <translation>Kein Projekt oder kein Datenbankprofil „%1“.</translation>
    </message>
    <message>
        <source>Retort does not know %1 of “%2”; Refresh it to type it in.</source>
        <translation>Retort kennt %1 von „%2“ nicht; aktualisieren Sie es, um es einzugeben.</translation>
    </message>
    <message>
        <source>The database of “%1” is a SQLite file that does not exist yet (%2): alembic check would create it, empty, and find it behind the head. Upgrade it first.</source>
        <translation>Die Datenbank von „%1“ ist eine SQLite-Datei, die noch nicht existiert (%2): alembic check würde sie leer anlegen und sie hinter dem Kopf finden. Führen Sie zuerst ein Upgrade aus.</translation>
    </message>
    <message>
        <source>Something runs on “%1” now; check its drift when it is done.</source>
        <translation>Auf „%1“ läuft gerade etwas; prüfen Sie die Drift, wenn es fertig ist.</translation>
    </message>
    <message>
        <source>Checking the drift of “%1”…</source>
        <translation>Drift von „%1“ wird geprüft…</translation>
    </message>
    <message>
        <source>▶ alembic check   (drift of “%1”)</source>
        <translation>▶ alembic check   (Drift von „%1“)</translation>
    </message>
    <message>
        <source>The check was stopped.</source>
        <translation>Die Prüfung wurde gestoppt.</translation>
    </message>
    <message>
        <source>Drift of “%1”: %2</source>
        <translation>Drift von „%1“: %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>retort::EnvironmentsView</name>
    <message>
        <source>Refresh All</source>
        <translation>Alle aktualisieren</translation>
    </message>
    <message>
        <source>Read every database&apos;s version table again (Ctrl+Shift+R)</source>
        <translation>Die Versionstabelle jeder Datenbank neu lesen (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>Check Drift</source>
        <translation>Drift prüfen</translation>
    </message>
    <message>
        <source>Compare the project&apos;s models with the selected database: runs “alembic check”, which runs env.py (Ctrl+Shift+K)</source>
        <translation>Die Modelle des Projekts mit der ausgewählten Datenbank vergleichen: führt „alembic check“ aus, das die env.py ausführt (Strg+Umschalt+K)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read this database&apos;s version table again</source>
        <translation>Die Versionstabelle dieser Datenbank neu lesen</translation>
    </message>
    <message>
        <source>C&amp;ompare…</source>
        <translation>&amp;Vergleichen…</translation>
    </message>
    <message>
        <source>Drift of the selected profile</source>
        <translation>Drift des ausgewählten Profils</translation>
    </message>
    <message>
        <source>No profile selected.</source>
        <translation>Kein Profil ausgewählt.</translation>
    </message>
</context>
<context>
    <name>retort::ExportGraphDialog</name>
    <message>
        <source>Export Graph</source>
        <translation>Graph exportieren</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Du&amp;rchsuchen…</translation>
    </message>
    <message>
        <source>SVG image (what the window shows)</source>
        <translation>SVG-Bild (wie im Fenster dargestellt)</translation>
    </message>
    <message>
        <source>PNG image (what the window shows)</source>
        <translation>PNG-Bild (wie im Fenster dargestellt)</translation>
    </message>
    <message>
        <source>Graphviz DOT (graph and positions only)</source>
        <translation>Graphviz DOT (nur Graph und Positionen)</translation>
    </message>
    <message>
        <source>Include the &amp;databases&apos; positions</source>
        <translation>Stand der Daten&amp;banken einzeichnen</translation>
    </message>
    <message>
        <source>Markers for each database, applied / pending colours, revisions with no script and the &quot;Showing:&quot; caption.</source>
        <translation>Markierungen für jede Datenbank, die Farben für angewendet / ausstehend, Revisionen ohne Skript und die Beschriftung „Angezeigt:“.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>&amp;Skalierung:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 Pixel</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Graphviz DOT (*.dot *.gv)</source>
        <translation>Graphviz DOT (*.dot *.gv)</translation>
    </message>
</context>
<context>
    <name>retort::FindBar</name>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Replace with (\1 for a group)</source>
        <translation>Ersetzen durch (\1 für eine Gruppe)</translation>
    </message>
    <message>
        <source>Re&amp;gex</source>
        <translation>Re&amp;gex</translation>
    </message>
    <message>
        <source>Treat the text as a regular expression</source>
        <translation>Den Text als regulären Ausdruck behandeln</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>Groß-/&amp;Kleinschreibung</translation>
    </message>
    <message>
        <source>&amp;Words</source>
        <translation>Ganze &amp;Wörter</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Vorherige</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Nächste</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>Replace &amp;All</source>
        <translation>&amp;Alle ersetzen</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>Schließen (Escape)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation>Ungültiger regulärer Ausdruck: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n ersetzt</numerusform>
            <numerusform>%n ersetzt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retort::GraphCaption</name>
    <message>
        <source>Database shown on the graph</source>
        <translation>Im Graphen angezeigte Datenbank</translation>
    </message>
</context>
<context>
    <name>retort::GraphController</name>
    <message>
        <source>&amp;Copy Revision Id</source>
        <translation>Revisions-Id &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>retort::GraphLegend</name>
    <message>
        <source>Graph legend</source>
        <translation>Legende des Graphen</translation>
    </message>
    <message>
        <source>Head: the newest revision of a line</source>
        <translation>Kopf: die neueste Revision einer Linie</translation>
    </message>
    <message>
        <source>Base: a first revision, nothing before it</source>
        <translation>Basis: eine erste Revision, davor kommt nichts</translation>
    </message>
    <message>
        <source>Branch point: two or more branches start here</source>
        <translation>Verzweigungspunkt: Hier beginnen zwei oder mehr Zweige</translation>
    </message>
    <message>
        <source>Merge point: joins two or more branches</source>
        <translation>Zusammenführung: vereint zwei oder mehr Zweige</translation>
    </message>
    <message>
        <source>Revision (a migration script)</source>
        <translation>Revision (ein Migrationsskript)</translation>
    </message>
    <message>
        <source>Arrow: from a revision to the next one</source>
        <translation>Pfeil: von einer Revision zur nächsten</translation>
    </message>
    <message>
        <source>Dashed arrow: depends_on</source>
        <translation>Gestrichelter Pfeil: depends_on</translation>
    </message>
    <message>
        <source>Branch label declared on the revision</source>
        <translation>An der Revision deklariertes Branch-Label</translation>
    </message>
    <message>
        <source>Current: the selected database stands here</source>
        <translation>Aktuell: Hier steht die ausgewählte Datenbank</translation>
    </message>
    <message>
        <source>Applied to the selected database</source>
        <translation>In der ausgewählten Datenbank angewendet</translation>
    </message>
    <message>
        <source>Pending: not applied to it yet</source>
        <translation>Ausstehend: dort noch nicht angewendet</translation>
    </message>
    <message>
        <source>No script: the version table names an unknown revision</source>
        <translation>Kein Skript: Die Versionstabelle nennt eine unbekannte Revision</translation>
    </message>
    <message>
        <source>Not read: where the database stands is not known</source>
        <translation>Nicht gelesen: Der Stand der Datenbank ist unbekannt</translation>
    </message>
    <message>
        <source>The selected database is here</source>
        <translation>Hier steht die ausgewählte Datenbank</translation>
    </message>
    <message>
        <source>Another database is here</source>
        <translation>Hier steht eine andere Datenbank</translation>
    </message>
    <message>
        <source>Planned: a step of the run</source>
        <translation>Geplant: ein Schritt des Laufs</translation>
    </message>
    <message>
        <source>Running now</source>
        <translation>Läuft gerade</translation>
    </message>
    <message>
        <source>Failed step (hover for alembic&apos;s error)</source>
        <translation>Fehlgeschlagener Schritt (mit der Maus darauf zeigen für den Fehler von alembic)</translation>
    </message>
    <message>
        <source>Matches the search</source>
        <translation>Passt zur Suche</translation>
    </message>
    <message>
        <source>Selected revision</source>
        <translation>Ausgewählte Revision</translation>
    </message>
    <message>
        <source>The script has errors (see Diagnostics)</source>
        <translation>Das Skript hat Fehler (siehe Befunde)</translation>
    </message>
    <message>
        <source>Warnings about the script (hover to read them)</source>
        <translation>Warnungen zum Skript (zum Lesen mit der Maus darauf zeigen)</translation>
    </message>
    <message>
        <source>No graph yet</source>
        <translation>Noch kein Graph</translation>
    </message>
</context>
<context>
    <name>retort::GraphOverview</name>
    <message>
        <source>Overview of the whole graph: click or drag to move the view</source>
        <translation>Übersicht über den ganzen Graphen: Klicken oder ziehen, um die Ansicht zu verschieben</translation>
    </message>
    <message>
        <source>Graph overview</source>
        <translation>Graphübersicht</translation>
    </message>
</context>
<context>
    <name>retort::GraphPicture</name>
    <message>
        <source>There is no graph to draw.</source>
        <translation>Es gibt keinen Graphen zum Zeichnen.</translation>
    </message>
    <message>
        <source>The image would be %1 × %2 pixels, too large: choose a smaller scale or SVG.</source>
        <translation>Das Bild wäre %1 × %2 Pixel groß und damit zu groß: Wählen Sie eine kleinere Skalierung oder SVG.</translation>
    </message>
    <message>
        <source>Not enough memory for a %1 × %2 pixel image.</source>
        <translation>Nicht genug Speicher für ein Bild mit %1 × %2 Pixeln.</translation>
    </message>
    <message>
        <source>Could not encode the PNG image.</source>
        <translation>Das PNG-Bild konnte nicht kodiert werden.</translation>
    </message>
</context>
<context>
    <name>retort::GraphScene</name>
    <message>
        <source>Showing: %1 — cannot read: %2</source>
        <translation>Angezeigt: %1 — nicht lesbar: %2</translation>
    </message>
    <message>
        <source>Showing: %1 — not read yet</source>
        <translation>Angezeigt: %1 — noch nicht gelesen</translation>
    </message>
    <message>
        <source>Showing: %1 — at base (no version table)</source>
        <translation>Angezeigt: %1 — auf Basis (keine Versionstabelle)</translation>
    </message>
    <message>
        <source>Showing: %1 — at base (empty version table)</source>
        <translation>Angezeigt: %1 — auf Basis (leere Versionstabelle)</translation>
    </message>
    <message>
        <source>%1 (no script)</source>
        <translation>%1 (kein Skript)</translation>
    </message>
    <message>
        <source>Showing: %1 — at %2</source>
        <translation>Angezeigt: %1 — auf %2</translation>
    </message>
    <message>
        <source>Showing: %1 — the file %2 is missing (alembic would create it)</source>
        <translation>Angezeigt: %1 — die Datei %2 fehlt (alembic würde sie anlegen)</translation>
    </message>
</context>
<context>
    <name>retort::GraphSearchBar</name>
    <message>
        <source>Find in the graph: id, prefix, branch label or message (Return for the next match)</source>
        <translation>Im Graphen suchen: Id, Präfix, Branch-Label oder Meldung (Eingabetaste für den nächsten Treffer)</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source>Next match (Return, F3)</source>
        <translation>Nächster Treffer (Eingabetaste, F3)</translation>
    </message>
    <message>
        <source>Previous match (Shift+Return, Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabetaste, Umschalt+F3)</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>search: match number of match count</comment>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 Treffer</translation>
    </message>
</context>
<context>
    <name>retort::GraphView</name>
    <message>
        <source>Revision graph</source>
        <translation>Revisionsgraph</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Fi&amp;t</source>
        <translation>Ein&amp;passen</translation>
    </message>
    <message>
        <source>Show the heads and the revisions below them at a readable size</source>
        <translation>Die Köpfe und die Revisionen darunter in lesbarer Größe anzeigen</translation>
    </message>
    <message>
        <source>Fit &amp;All</source>
        <translation>&amp;Alles einpassen</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>Den ganzen Graphen anzeigen</translation>
    </message>
    <message>
        <source>Show Over&amp;view</source>
        <translation>Über&amp;sicht anzeigen</translation>
    </message>
    <message>
        <source>Show a map of the whole graph in its corner while it does not fit the window</source>
        <translation>Eine Karte des ganzen Graphen in seiner Ecke anzeigen, solange er nicht ins Fenster passt</translation>
    </message>
    <message>
        <source>Show &amp;Legend</source>
        <translation>&amp;Legende anzeigen</translation>
    </message>
    <message>
        <source>Show what the graph&apos;s shapes, colours and marks mean</source>
        <translation>Anzeigen, was die Formen, Farben und Markierungen des Graphen bedeuten</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>What the shapes, colours and marks mean (L)</source>
        <translation>Was die Formen, Farben und Markierungen bedeuten (L)</translation>
    </message>
    <message>
        <source>Show legend</source>
        <translation>Legende anzeigen</translation>
    </message>
</context>
<context>
    <name>retort::HeadsBanner</name>
    <message>
        <source>Sh&amp;ow Heads</source>
        <translation>Köpfe &amp;anzeigen</translation>
    </message>
</context>
<context>
    <name>retort::HeadsController</name>
    <message>
        <source>Re-&amp;parent Onto…</source>
        <translation>&amp;Umhängen an…</translation>
    </message>
    <message>
        <source>Make the selected revision follow another one (edits its down_revision)</source>
        <translation>Die ausgewählte Revision auf eine andere folgen lassen (ändert ihre down_revision)</translation>
    </message>
    <message>
        <source>Re-parent %1</source>
        <translation>%1 umhängen</translation>
    </message>
    <message>
        <source>&amp;Revision %1 should follow:</source>
        <translation>&amp;Revision %1 soll folgen auf:</translation>
    </message>
    <message>
        <source>%1 has no script file.</source>
        <translation>%1 hat keine Skriptdatei.</translation>
    </message>
    <message>
        <source>%1 has unsaved changes in its tab: save or discard them first.</source>
        <translation>%1 hat ungespeicherte Änderungen in seinem Tab: Speichern oder verwerfen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>%1 changed since the preview; nothing was changed.</source>
        <translation>%1 hat sich seit der Vorschau geändert; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Could not change %1 as previewed; nothing was saved.</source>
        <translation>%1 konnte nicht wie in der Vorschau geändert werden; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>%1 now follows %2 (Ctrl+Z in its tab and Save take it back)</source>
        <translation>%1 folgt jetzt auf %2 (Strg+Z in seinem Tab und Speichern machen es rückgängig)</translation>
    </message>
</context>
<context>
    <name>retort::HeadsPanel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: not read</source>
        <translation>%1: nicht gelesen</translation>
    </message>
    <message>
        <source>nowhere</source>
        <translation>nirgends</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Kopf</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>Köpfe</translation>
    </message>
    <message>
        <source>&amp;Merge Heads…</source>
        <translation>&amp;Köpfe zusammenführen…</translation>
    </message>
    <message>
        <source>Only it has</source>
        <translation>Nur hier</translation>
    </message>
    <message>
        <source>Applied by</source>
        <translation>Angewendet von</translation>
    </message>
    <message>
        <source>Every head ends a branch of its own: nothing to resolve.</source>
        <translation>Jeder Kopf schließt einen eigenen Zweig ab: Es gibt nichts aufzulösen.</translation>
    </message>
    <message>
        <source>Recommended: re-parent %1 onto %2. %3</source>
        <translation>Empfohlen: %1 an %2 umhängen. %3</translation>
    </message>
    <message>
        <source>Recommended: merge %1. %2</source>
        <translation>Empfohlen: %1 zusammenführen. %2</translation>
    </message>
    <message>
        <source>&amp;Re-parent %1 onto %2…</source>
        <translation>%1 an %2 &amp;umhängen…</translation>
    </message>
</context>
<context>
    <name>retort::HelpBubble</name>
    <message>
        <source>Getting Started</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Fertig</translation>
    </message>
</context>
<context>
    <name>retort::InstalledAlembic</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 does not say which version it is.</source>
        <translation>%1 nennt seine Version nicht.</translation>
    </message>
    <message>
        <source>%1 names a version Retort cannot read: %2</source>
        <translation>%1 nennt eine Version, die Retort nicht lesen kann: %2</translation>
    </message>
    <message>
        <source>No Python interpreter is known for alembic.</source>
        <translation>Für alembic ist kein Python-Interpreter bekannt.</translation>
    </message>
    <message>
        <source>No alembic package was found on %1&apos;s import path.</source>
        <translation>Auf dem Importpfad von %1 wurde kein alembic-Paket gefunden.</translation>
    </message>
    <message>
        <source>%1 did not say which alembic it has.</source>
        <translation>%1 hat nicht mitgeteilt, welches alembic es hat.</translation>
    </message>
    <message>
        <source>%1 cannot import alembic: %2</source>
        <translation>%1 kann alembic nicht importieren: %2</translation>
    </message>
</context>
<context>
    <name>retort::LogPane</name>
    <message>
        <source>No migration has run yet.</source>
        <translation>Bisher ist keine Migration gelaufen.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>Stop the running migration (terminate alembic, then kill it)</source>
        <translation>Die laufende Migration stoppen (alembic beenden, dann abschießen)</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Mitlaufen</translation>
    </message>
    <message>
        <source>Keep the newest line in view (scrolling up pauses this)</source>
        <translation>Die neueste Zeile sichtbar halten (Hochscrollen pausiert dies)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the whole log</source>
        <translation>Das gesamte Protokoll kopieren</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save the log to a file</source>
        <translation>Das Protokoll in einer Datei speichern</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
</context>
<context>
    <name>retort::LogView</name>
    <message>
        <source>The output of alembic appears here while a migration runs.</source>
        <translation>Hier erscheint die Ausgabe von alembic, während eine Migration läuft.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Copy All</source>
        <translation>&amp;Alles kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Alles aus&amp;wählen</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
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
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Laying out the graph…</source>
        <translation>Graph wird angeordnet…</translation>
    </message>
    <message>
        <source>Graph laid out in %1 ms</source>
        <translation>Graph in %1 ms angeordnet</translation>
    </message>
    <message>
        <source>The graph could not be laid out: %1</source>
        <translation>Der Graph konnte nicht angeordnet werden: %1</translation>
    </message>
    <message>
        <source>&amp;Export Graph…</source>
        <translation>Graph &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Script</source>
        <translation>&amp;Skript</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>There is no graph to export yet.</source>
        <translation>Es gibt noch keinen Graphen zum Exportieren.</translation>
    </message>
    <message>
        <source>Exported the graph to %1</source>
        <translation>Graph nach %1 exportiert</translation>
    </message>
    <message>
        <source>Could not export the graph: %1</source>
        <translation>Der Graph konnte nicht exportiert werden: %1</translation>
    </message>
    <message>
        <source>there is no graph yet</source>
        <translation>es gibt noch keinen Graphen</translation>
    </message>
    <message>
        <source>Save the graph as the window draws it (SVG or PNG), or as Graphviz DOT</source>
        <translation>Den Graphen so speichern, wie das Fenster ihn zeichnet (SVG oder PNG), oder als Graphviz DOT</translation>
    </message>
    <message>
        <source>Revisions of %1</source>
        <translation>Revisionen von %1</translation>
    </message>
    <message>
        <source>Read and planned for %1 (%2)</source>
        <translation>Gelesen und geplant für %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n migration warning</source>
        <translation>
            <numerusform>%n Migrationswarnung</numerusform>
            <numerusform>%n Migrationswarnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n migration warnings</source>
        <translation>
            <numerusform>%n Migrationswarnung</numerusform>
            <numerusform>%n Migrationswarnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation>&amp;Erste Schritte</translation>
    </message>
    <message>
        <source>A short walk through the window on the bundled demo project</source>
        <translation>Ein kurzer Rundgang durch das Fenster anhand des mitgelieferten Demoprojekts</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>Read the user guide (it is installed with Retort)</source>
        <translation>Das Benutzerhandbuch lesen (es wird mit Retort installiert)</translation>
    </message>
    <message>
        <source>Getting Started</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <source>The demo project is not installed, and no project is open. Open an alembic.ini (File → Open) and start Getting Started again to walk through it.</source>
        <translation>Das Demoprojekt ist nicht installiert, und es ist kein Projekt geöffnet. Öffnen Sie eine alembic.ini (Datei → Öffnen) und starten Sie „Erste Schritte“ erneut, um das Projekt durchzugehen.</translation>
    </message>
    <message>
        <source>Getting Started walks through the bundled demo project. Open the demo now, or walk through the project that is open?</source>
        <translation>„Erste Schritte“ führt durch das mitgelieferte Demoprojekt. Jetzt die Demo öffnen oder das geöffnete Projekt durchgehen?</translation>
    </message>
    <message>
        <source>Open the &amp;Demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <source>&amp;Walk This Project</source>
        <translation>Dieses &amp;Projekt durchgehen</translation>
    </message>
    <message>
        <source>Opening the demo project for Getting Started…</source>
        <translation>Demoprojekt für „Erste Schritte“ wird geöffnet…</translation>
    </message>
    <message>
        <source>Where the database stands</source>
        <translation>Wo die Datenbank steht</translation>
    </message>
    <message>
        <source>&lt;p&gt;The graph shows every revision of the project, newest at the top.&lt;/p&gt;&lt;p&gt;The database &lt;b&gt;%1&lt;/b&gt; (selected in the Databases pane) stands at the revision with the green border and the database glyph; the marker with its name points at it. Revisions below it are &lt;i&gt;applied&lt;/i&gt;, those above it &lt;i&gt;pending&lt;/i&gt; (dashed).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Graph zeigt jede Revision des Projekts, die neueste oben.&lt;/p&gt;&lt;p&gt;Die Datenbank &lt;b&gt;%1&lt;/b&gt; (ausgewählt im Bereich „Datenbanken“) steht auf der Revision mit dem grünen Rand und dem Datenbanksymbol; die Markierung mit ihrem Namen zeigt darauf. Revisionen darunter sind &lt;i&gt;angewendet&lt;/i&gt;, die darüber &lt;i&gt;ausstehend&lt;/i&gt; (gestrichelt).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The graph shows every revision of the project, newest at the top.&lt;/p&gt;&lt;p&gt;Add or select a database in the Databases pane and the graph shows where it stands: a green border and a marker with its name on its current revision, applied revisions below it, pending ones (dashed) above.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Graph zeigt jede Revision des Projekts, die neueste oben.&lt;/p&gt;&lt;p&gt;Fügen Sie im Bereich „Datenbanken“ eine Datenbank hinzu oder wählen Sie eine aus, dann zeigt der Graph, wo sie steht: ein grüner Rand und eine Markierung mit ihrem Namen an ihrer aktuellen Revision, angewendete Revisionen darunter, ausstehende (gestrichelt) darüber.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Heads and merges</source>
        <translation>Köpfe und Zusammenführungen</translation>
    </message>
    <message>
        <source>&lt;p&gt;A &lt;b&gt;head&lt;/b&gt; (H) is the newest revision of a line of history: &lt;i&gt;upgrade head&lt;/i&gt; goes there. A &lt;b&gt;merge point&lt;/b&gt; (M) joins two lines: upgrading past it needs both. A &lt;b&gt;branch point&lt;/b&gt; is where lines part.&lt;/p&gt;&lt;p&gt;Hover over any revision for what it is in plain words; the legend in the corner says what each shape and colour means.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein &lt;b&gt;Kopf&lt;/b&gt; (H) ist die neueste Revision einer Entwicklungslinie: &lt;i&gt;upgrade head&lt;/i&gt; führt dorthin. Eine &lt;b&gt;Zusammenführung&lt;/b&gt; (M) vereint zwei Linien: Ein Upgrade darüber hinaus braucht beide. An einem &lt;b&gt;Verzweigungspunkt&lt;/b&gt; trennen sich Linien.&lt;/p&gt;&lt;p&gt;Zeigen Sie mit der Maus auf eine Revision, um in einfachen Worten zu erfahren, was sie ist; die Legende in der Ecke erklärt, was jede Form und Farbe bedeutet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;This project has no merge point yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dieses Projekt hat noch keine Zusammenführung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>What Step Up will run</source>
        <translation>Was „Einen Schritt aufwärts“ ausführt</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Step Up&lt;/b&gt; upgrades the selected database by one revision (Step Down goes back one). Nothing runs at once: Retort first shows the plan — the alembic command, every step, and what a step would destroy — and runs it only when you confirm.&lt;/p&gt;&lt;p&gt;The other Run commands (upgrade to heads, to or from the selected revision, stamp) show their plan the same way.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Einen Schritt aufwärts&lt;/b&gt; hebt die ausgewählte Datenbank per Upgrade um eine Revision an („Einen Schritt abwärts“ geht eine zurück). Nichts läuft sofort: Retort zeigt zuerst den Plan – den alembic-Befehl, jeden Schritt und was ein Schritt zerstören würde – und führt ihn erst aus, wenn Sie bestätigen.&lt;/p&gt;&lt;p&gt;Die anderen Befehle im Menü „Ausführen“ (Upgrade auf die Köpfe, auf die oder von der ausgewählten Revision, Stamp) zeigen ihren Plan auf dieselbe Weise.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Opening a script</source>
        <translation>Ein Skript öffnen</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each revision is a Python script. Double-click a revision in the graph (or press Enter, or use Script → Open Script) and it opens here, beside the graph, with its &lt;code&gt;upgrade()&lt;/code&gt; and &lt;code&gt;downgrade()&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;The Details pane shows the selected revision&apos;s file, branch labels and dependencies.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Jede Revision ist ein Python-Skript. Doppelklicken Sie im Graphen auf eine Revision (oder drücken Sie die Eingabetaste oder wählen Sie Skript → Skript öffnen), dann öffnet sie sich hier neben dem Graphen, mit ihrem &lt;code&gt;upgrade()&lt;/code&gt; und &lt;code&gt;downgrade()&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;Der Bereich „Details“ zeigt Datei, Branch-Labels und Abhängigkeiten der ausgewählten Revision.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>What the picture means</source>
        <translation>Was das Bild bedeutet</translation>
    </message>
    <message>
        <source>&lt;p&gt;The &lt;b&gt;Legend&lt;/b&gt; button (or View → Show Legend, L) lists every shape, colour and mark the graph uses.&lt;/p&gt;&lt;p&gt;Help → User Guide has the rest. Close this walk with Esc; Help → Getting Started brings it back.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Schaltfläche &lt;b&gt;Legende&lt;/b&gt; (oder Ansicht → Legende anzeigen, L) listet jede Form, Farbe und Markierung auf, die der Graph verwendet.&lt;/p&gt;&lt;p&gt;Alles Weitere steht unter Hilfe → Benutzerhandbuch. Beenden Sie diesen Rundgang mit Esc; Hilfe → Erste Schritte startet ihn erneut.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Schema at Revision</source>
        <translation>Schema bei Revision</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Reading operations…</source>
        <translation>Operationen werden gelesen…</translation>
    </message>
    <message>
        <source>Sc&amp;hema at This Revision</source>
        <translation>Sc&amp;hema bei dieser Revision</translation>
    </message>
    <message>
        <source>Show the tables and columns the migrations define up to the selected revision</source>
        <translation>Die Tabellen und Spalten anzeigen, die die Migrationen bis zur ausgewählten Revision definieren</translation>
    </message>
    <message>
        <source>%1: at %2</source>
        <comment>database: at its current revisions</comment>
        <translation>%1: auf %2</translation>
    </message>
    <message>
        <source>The upgrade to heads cannot be planned: %1</source>
        <translation>Das Upgrade auf die Köpfe kann nicht geplant werden: %1</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>&amp;Compare Databases…</source>
        <translation>Datenbanken &amp;vergleichen…</translation>
    </message>
    <message>
        <source>What one database has applied that another lacks, and the commands that bring one to the other</source>
        <translation>Was eine Datenbank angewendet hat und einer anderen fehlt, und die Befehle, die die eine auf den Stand der anderen bringen</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>Köpfe</translation>
    </message>
    <message>
        <source>Open the Demo</source>
        <translation>Demo öffnen</translation>
    </message>
    <message>
        <source>&amp;Configure Retort…</source>
        <translation>Retort &amp;einrichten…</translation>
    </message>
    <message>
        <source>Theme, editor font, graph layout and the default Python</source>
        <translation>Farbschema, Editorschrift, Anordnung des Graphen und das Standard-Python</translation>
    </message>
    <message>
        <source>&amp;Report a Problem…</source>
        <translation>&amp;Problem melden…</translation>
    </message>
    <message>
        <source>A summary of versions and counts to paste into an issue (no paths or names)</source>
        <translation>Eine Zusammenfassung von Versionen und Anzahlen zum Einfügen in einen Fehlerbericht (ohne Pfade oder Namen)</translation>
    </message>
    <message>
        <source>Reset La&amp;yout</source>
        <translation>La&amp;yout zurücksetzen</translation>
    </message>
    <message>
        <source>Put the panes, their sizes and the graph&apos;s zoom back as on a first start</source>
        <translation>Die Bereiche, ihre Größen und den Zoom des Graphen wie beim ersten Start wiederherstellen</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>Ei&amp;nstellungen</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Einstellungen gespeichert</translation>
    </message>
    <message>
        <source>There is no such file (give the full path).</source>
        <translation>Diese Datei gibt es nicht (geben Sie den vollständigen Pfad an).</translation>
    </message>
    <message>
        <source>This file cannot be run.</source>
        <translation>Diese Datei kann nicht ausgeführt werden.</translation>
    </message>
    <message>
        <source>Asking it which alembic it has…</source>
        <translation>Es wird abgefragt, welches alembic installiert ist…</translation>
    </message>
    <message>
        <source>python -m alembic --version says: %1</source>
        <translation>python -m alembic --version meldet: %1</translation>
    </message>
    <message>
        <source>It runs, but python -m alembic --version %1.</source>
        <translation>Die Datei lässt sich ausführen, aber python -m alembic --version %1.</translation>
    </message>
    <message>
        <source>The problem report is on the clipboard.</source>
        <translation>Der Problembericht ist in der Zwischenablage.</translation>
    </message>
    <message>
        <source>The panes and the graph&apos;s zoom are back as on a first start</source>
        <translation>Die Bereiche und der Zoom des Graphen sind wieder wie beim ersten Start</translation>
    </message>
    <message>
        <source>The demo project is not installed with this copy of Retort.</source>
        <translation>Das Demoprojekt ist in dieser Installation von Retort nicht enthalten.</translation>
    </message>
    <message>
        <source>Nothing dropped is an alembic.ini, a pyproject.toml or a project folder.</source>
        <translation>Unter dem Abgelegten ist keine alembic.ini, keine pyproject.toml und kein Projektordner.</translation>
    </message>
    <message>
        <source>command line</source>
        <comment>the name of the profile retort --url adds</comment>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>command line %1</source>
        <comment>the --url profile when the name is taken</comment>
        <translation>Befehlszeile %1</translation>
    </message>
    <message>
        <source>Working on %1, given on the command line for this session only.</source>
        <translation>Es wird mit %1 gearbeitet, nur für diese Sitzung auf der Befehlszeile angegeben.</translation>
    </message>
    <message>
        <source>The project has no connection profile named &quot;%1&quot; (--profile). Its profiles: %2.</source>
        <translation>Das Projekt hat kein Verbindungsprofil namens „%1“ (--profile). Seine Profile: %2.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>retort::MergeHeadsDialog</name>
    <message>
        <source>Merge Heads</source>
        <translation>Köpfe zusammenführen</translation>
    </message>
    <message>
        <source>merge heads</source>
        <translation>merge heads</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Meldung:</translation>
    </message>
    <message>
        <source>&amp;Heads:</source>
        <translation>&amp;Köpfe:</translation>
    </message>
    <message>
        <source>Me&amp;rge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
</context>
<context>
    <name>retort::MultiApplyController</name>
    <message>
        <source>base (empty)</source>
        <translation>Basis (leer)</translation>
    </message>
    <message>
        <source>Apply to Se&amp;veral Databases…</source>
        <translation>Auf &amp;mehrere Datenbanken anwenden…</translation>
    </message>
    <message>
        <source>Upgrade or downgrade several databases to one target, one after another, after one confirmation</source>
        <translation>Mehrere Datenbanken nacheinander per Upgrade oder Downgrade auf ein Ziel bringen, nach einer einzigen Bestätigung</translation>
    </message>
    <message>
        <source>Apply to Several Databases</source>
        <translation>Auf mehrere Datenbanken anwenden</translation>
    </message>
    <message>
        <source>No project is loaded, or its folder is gone.</source>
        <translation>Es ist kein Projekt geladen, oder sein Ordner existiert nicht mehr.</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>noch nicht gelesen</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>Downgrade to %1</source>
        <translation>Downgrade auf %1</translation>
    </message>
    <message>
        <source>Upgrade to %1</source>
        <translation>Upgrade auf %1</translation>
    </message>
    <message>
        <source>Nothing was run: these databases cannot be brought to %1.</source>
        <translation>Es wurde nichts ausgeführt: Diese Datenbanken können nicht auf %1 gebracht werden.</translation>
    </message>
    <message>
        <source>Nothing to run: every chosen database is already at %1.</source>
        <translation>Nichts auszuführen: Jede gewählte Datenbank steht bereits auf %1.</translation>
    </message>
    <message>
        <source>Applying %1 to %2, in this order.</source>
        <translation>%1 wird in dieser Reihenfolge auf %2 angewendet.</translation>
    </message>
    <message>
        <source>it no longer stands where its plan was confirmed (%1); nothing was run on it</source>
        <translation>sie steht nicht mehr dort, wo ihr Plan bestätigt wurde (%1); auf ihr wurde nichts ausgeführt</translation>
    </message>
    <message>
        <source>“%1” was not run: %2</source>
        <translation>„%1“ wurde nicht ausgeführt: %2</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <source>already there, nothing run</source>
        <translation>bereits dort, nichts ausgeführt</translation>
    </message>
    <message>
        <source>done (downgraded)</source>
        <translation>fertig (Downgrade)</translation>
    </message>
    <message>
        <source>done (upgraded)</source>
        <translation>fertig (Upgrade)</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>failed at %1: %2</source>
        <translation>fehlgeschlagen bei %1: %2</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>now at %1</source>
        <translation>jetzt auf %1</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1: %2; %3</source>
        <translation>%1: %2; %3</translation>
    </message>
    <message>
        <source>not read again in time</source>
        <translation>nicht rechtzeitig neu gelesen</translation>
    </message>
    <message>
        <source>Applying %1 stopped early</source>
        <translation>Anwenden von %1 vorzeitig gestoppt</translation>
    </message>
    <message>
        <source>%1 applied to every database</source>
        <translation>%1 auf jede Datenbank angewendet</translation>
    </message>
</context>
<context>
    <name>retort::NewRevisionDialog</name>
    <message>
        <source>New Revision</source>
        <translation>Neue Revision</translation>
    </message>
    <message>
        <source>e.g. add email to users</source>
        <translation>z. B. email zu users hinzufügen</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>base (a new branch)</source>
        <translation>Basis (ein neuer Zweig)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>optional: revision ids or branch labels</source>
        <translation>optional: Revisions-Ids oder Branch-Labels</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Meldung:</translation>
    </message>
    <message>
        <source>&amp;Parent:</source>
        <translation>Eltern&amp;revision:</translation>
    </message>
    <message>
        <source>&amp;Branch label:</source>
        <translation>&amp;Branch-Label:</translation>
    </message>
    <message>
        <source>&amp;Depends on:</source>
        <translation>&amp;Hängt ab von:</translation>
    </message>
    <message>
        <source>Runs &lt;code&gt;alembic revision&lt;/code&gt; and opens the new script.</source>
        <translation>Führt &lt;code&gt;alembic revision&lt;/code&gt; aus und öffnet das neue Skript.</translation>
    </message>
    <message>
        <source>&amp;Autogenerate from the models (runs the project&apos;s env.py, which connects to the database)</source>
        <translation>&amp;Automatisch aus den Modellen erzeugen (führt die env.py des Projekts aus, die sich mit der Datenbank verbindet)</translation>
    </message>
    <message>
        <source>alembic revision --autogenerate: alembic runs the project&apos;s env.py, connects to the database it configures and writes the differences between that database&apos;s schema and the models&apos; metadata into the new script. The database must be at the heads.</source>
        <translation>alembic revision --autogenerate: alembic führt die env.py des Projekts aus, verbindet sich mit der dort konfigurierten Datenbank und schreibt die Unterschiede zwischen dem Schema dieser Datenbank und den Metadaten der Modelle in das neue Skript. Die Datenbank muss auf den Köpfen stehen.</translation>
    </message>
    <message>
        <source>Runs &lt;code&gt;alembic revision --autogenerate&lt;/code&gt; (the project&apos;s env.py, against its database) and opens the new script.</source>
        <translation>Führt &lt;code&gt;alembic revision --autogenerate&lt;/code&gt; aus (die env.py des Projekts, gegen dessen Datenbank) und öffnet das neue Skript.</translation>
    </message>
</context>
<context>
    <name>retort::NodeExplainer</name>
    <message>
        <source>%1 (%2)</source>
        <comment>short id (message)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>a list: &apos;a, b&apos; and &apos;c&apos;</comment>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>the line to head %1</source>
        <translation>Linie bis Kopf %1</translation>
    </message>
    <message>
        <source>the %1 branch</source>
        <translation>Zweig %1</translation>
    </message>
    <message>
        <source>the %1 branches</source>
        <translation>Zweige %1</translation>
    </message>
    <message>
        <source>the main line</source>
        <translation>Hauptlinie</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <source>the line ending at %1</source>
        <translation>Linie bis %1</translation>
    </message>
    <message>
        <source>the line starting at %1</source>
        <translation>Linie ab %1</translation>
    </message>
    <message>
        <source>Merge point: joins %1; upgrading past it needs both.</source>
        <translation>Zusammenführung: vereint %1; ein Upgrade darüber hinaus braucht beide.</translation>
    </message>
    <message>
        <source>Merge point: joins %1; upgrading past it needs all of them.</source>
        <translation>Zusammenführung: vereint %1; ein Upgrade darüber hinaus braucht alle.</translation>
    </message>
    <message>
        <source>Branch point: %1 branches start here: %2.</source>
        <translation>Verzweigungspunkt: Hier beginnen %1 Zweige: %2.</translation>
    </message>
    <message>
        <source>Head of %1: the newest revision on it.</source>
        <translation>Kopf von %1: die neueste Revision darauf.</translation>
    </message>
    <message>
        <source>Head: the newest revision; &quot;upgrade head&quot; ends here.</source>
        <translation>Kopf: die neueste Revision; „upgrade head“ endet hier.</translation>
    </message>
    <message>
        <source>Head of the main line: the newest revision on it.</source>
        <translation>Kopf der Hauptlinie: die neueste Revision darauf.</translation>
    </message>
    <message>
        <source>Head: the newest revision of its line (one of %1 heads).</source>
        <translation>Kopf: die neueste Revision ihrer Linie (einer von %1 Köpfen).</translation>
    </message>
    <message>
        <source>Base: the first revision; nothing before it.</source>
        <translation>Basis: die erste Revision; davor kommt nichts.</translation>
    </message>
    <message>
        <source>Base: the first revision of its line; nothing before it.</source>
        <translation>Basis: die erste Revision ihrer Linie; davor kommt nichts.</translation>
    </message>
    <message>
        <source>Revision on %1.</source>
        <translation>Revision auf %1.</translation>
    </message>
    <message>
        <source>Revision on %1: one step after %2.</source>
        <translation>Revision auf %1: ein Schritt nach %2.</translation>
    </message>
    <message>
        <source>Declares the branch label %1.</source>
        <translation>Deklariert das Branch-Label %1.</translation>
    </message>
    <message>
        <source>%1 and %2 more (see Details)</source>
        <translation>%1 und %2 weitere (siehe Details)</translation>
    </message>
    <message>
        <source>On the branch of %1 (inherited labels).</source>
        <translation>Auf dem Zweig von %1 (geerbte Labels).</translation>
    </message>
    <message>
        <source>Depends on %1: alembic applies it first.</source>
        <translation>Hängt ab von %1: alembic wendet sie zuerst an.</translation>
    </message>
    <message>
        <source>Needed first by %1 (depends_on).</source>
        <translation>Wird von %1 vorausgesetzt (depends_on).</translation>
    </message>
</context>
<context>
    <name>retort::PlanDialog</name>
    <message>
        <source>(empty: at base)</source>
        <translation>(leer: auf Basis)</translation>
    </message>
    <message>
        <source>One revision will be upgraded on “%1”</source>
        <translation>Auf „%1“ wird eine Revision per Upgrade eingespielt</translation>
    </message>
    <message>
        <source>%1 revisions will be upgraded on “%2”</source>
        <translation>Auf „%2“ werden %1 Revisionen per Upgrade eingespielt</translation>
    </message>
    <message>
        <source>&amp;Upgrade</source>
        <translation>&amp;Upgrade</translation>
    </message>
    <message>
        <source>&amp;Downgrade</source>
        <translation>&amp;Downgrade</translation>
    </message>
    <message>
        <source>The version table of “%1” will be rewritten; no migration runs</source>
        <translation>Die Versionstabelle von „%1“ wird neu geschrieben; es läuft keine Migration</translation>
    </message>
    <message>
        <source>&amp;Stamp</source>
        <translation>&amp;Stamp</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
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
        <source>Version table now: %1
Version table after: %2</source>
        <translation>Versionstabelle jetzt: %1
Versionstabelle danach: %2</translation>
    </message>
    <message>
        <source>A downgrade runs each revision&apos;s downgrade(): it drops the tables, columns and data those revisions created. Data removed this way does not come back with a later upgrade.</source>
        <translation>Ein Downgrade führt downgrade() jeder Revision aus: Es löscht die Tabellen, Spalten und Daten, die diese Revisionen angelegt haben. So entfernte Daten kommen mit einem späteren Upgrade nicht zurück.</translation>
    </message>
    <message>
        <source>Stamping only records the revision in the version table; the schema is not changed. Make sure it really matches that revision.</source>
        <translation>Stamp trägt nur die Revision in die Versionstabelle ein; das Schema wird nicht geändert. Stellen Sie sicher, dass es wirklich dieser Revision entspricht.</translation>
    </message>
    <message>
        <source>Preview &amp;SQL…</source>
        <translation>SQL-&amp;Vorschau…</translation>
    </message>
    <message>
        <source>Show the SQL alembic would run (--sql)</source>
        <translation>Das SQL anzeigen, das alembic ausführen würde (--sql)</translation>
    </message>
    <message numerus="yes">
        <source>Downgrade %n revision on “%1”: the schema changes it made are undone</source>
        <translation>
            <numerusform>Auf „%1“ wird %n Revision per Downgrade zurückgenommen: Die von ihr vorgenommenen Schemaänderungen werden rückgängig gemacht</numerusform>
            <numerusform>Auf „%1“ werden %n Revisionen per Downgrade zurückgenommen: Die von ihnen vorgenommenen Schemaänderungen werden rückgängig gemacht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Downgrade %n revisions on “%1”: the schema changes they made are undone</source>
        <translation>
            <numerusform>Auf „%1“ wird %n Revision per Downgrade zurückgenommen: Die von ihr vorgenommenen Schemaänderungen werden rückgängig gemacht</numerusform>
            <numerusform>Auf „%1“ werden %n Revisionen per Downgrade zurückgenommen: Die von ihnen vorgenommenen Schemaänderungen werden rückgängig gemacht</numerusform>
        </translation>
    </message>
    <message>
        <source>The whole version table of “%1” will be rewritten; no migration runs</source>
        <translation>Die gesamte Versionstabelle von „%1“ wird neu geschrieben; es läuft keine Migration</translation>
    </message>
    <message>
        <source>Alembic cannot load this project, so this command would fail before changing anything. Fix these files first (the Diagnostics dock lists them):</source>
        <translation>Alembic kann dieses Projekt nicht laden, daher würde dieser Befehl fehlschlagen, bevor er etwas ändert. Beheben Sie zuerst diese Dateien (das Dock „Befunde“ listet sie auf):</translation>
    </message>
    <message>
        <source>Alembic loads these files, but Retort could not read these values; the plan below leaves them out, so alembic may run other steps:</source>
        <translation>Alembic lädt diese Dateien, aber Retort konnte diese Werte nicht lesen; der Plan unten lässt sie aus, daher führt alembic möglicherweise andere Schritte aus:</translation>
    </message>
    <message>
        <source>Stamping with --purge rewrites the whole version table: it deletes every row (one names a revision with no script) and then records the chosen revision. The schema is not changed: make sure it really matches that revision.</source>
        <translation>Stamp mit --purge schreibt die gesamte Versionstabelle neu: Er löscht jede Zeile (eine davon nennt eine Revision ohne Skript) und trägt dann die gewählte Revision ein. Das Schema wird nicht geändert: Stellen Sie sicher, dass es wirklich dieser Revision entspricht.</translation>
    </message>
    <message>
        <source>Alembic keeps the depends_on of %1 in a Python set, so the order of the steps below may differ from run to run of alembic itself; the steps are the same.</source>
        <translation>Alembic hält die depends_on von %1 in einer Python-Menge; die Reihenfolge der folgenden Schritte kann daher von Lauf zu Lauf von alembic selbst abweichen. Die Schritte bleiben dieselben.</translation>
    </message>
    <message>
        <source>Planned as %1 runs it.</source>
        <translation>Geplant, wie %1 es ausführt.</translation>
    </message>
    <message>
        <source>The SQLite file %1 does not exist: alembic will create it, empty, and run from base. If the file was moved or deleted, cancel and find it first.</source>
        <translation>Die SQLite-Datei %1 existiert nicht: alembic legt sie leer an und beginnt bei base. Wurde die Datei verschoben oder gelöscht, brechen Sie ab und suchen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>Not checked: Retort is still reading the scripts&apos; operations, so it cannot say yet which steps drop data or cannot be undone.</source>
        <translation>Nicht geprüft: Retort liest noch die Operationen der Skripte und kann daher noch nicht sagen, welche Schritte Daten löschen oder sich nicht rückgängig machen lassen.</translation>
    </message>
    <message>
        <source>Retort read every step&apos;s operations: none drops a table or a column, narrows a type or cannot be undone.</source>
        <translation>Retort hat die Operationen aller Schritte gelesen: Keiner löscht eine Tabelle oder Spalte, verkleinert einen Typ oder lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Before anything runs, what these steps destroy or cannot undo:</source>
        <translation>Bevor etwas läuft – was diese Schritte zerstören oder nicht rückgängig machen können:</translation>
    </message>
    <message>
        <source>Downgrade through steps that cannot be undone?</source>
        <translation>Downgrade über Schritte, die sich nicht rückgängig machen lassen?</translation>
    </message>
    <message>
        <source>This downgrade passes through steps whose downgrade() does nothing or fails:</source>
        <translation>Dieses Downgrade durchläuft Schritte, deren downgrade() nichts tut oder fehlschlägt:</translation>
    </message>
    <message>
        <source>An empty downgrade() leaves its changes in the database while the version table no longer lists them; one that raises stops the run there, after the steps before it ran. Downgrade anyway?</source>
        <translation>Ein leeres downgrade() lässt seine Änderungen in der Datenbank, während die Versionstabelle sie nicht mehr aufführt; eines, das eine Ausnahme auslöst, stoppt den Lauf an dieser Stelle, nachdem die Schritte davor gelaufen sind. Trotzdem Downgrade ausführen?</translation>
    </message>
    <message>
        <source>Downgrade &amp;Anyway</source>
        <translation>&amp;Trotzdem Downgrade ausführen</translation>
    </message>
</context>
<context>
    <name>retort::ProblemReportDialog</name>
    <message>
        <source>Report a Problem</source>
        <translation>Problem melden</translation>
    </message>
    <message>
        <source>Please describe what you did, what you expected and what happened instead, and paste this summary below it. It names versions and counts only: no paths, addresses, user or database names, and no revision messages.</source>
        <translation>Bitte beschreiben Sie, was Sie getan haben, was Sie erwartet haben und was stattdessen passiert ist, und fügen Sie diese Zusammenfassung darunter ein. Sie nennt nur Versionen und Anzahlen: keine Pfade, Adressen, Benutzer- oder Datenbanknamen und keine Revisionsmeldungen.</translation>
    </message>
    <message>
        <source>Diagnostic summary</source>
        <translation>Diagnosezusammenfassung</translation>
    </message>
    <message>
        <source>Report it at &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Melden Sie das Problem unter &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy to Clipboard</source>
        <translation>In die Zwischenablage &amp;kopieren</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>retort::ProfileDialog</name>
    <message>
        <source>Add Connection Profile</source>
        <translation>Verbindungsprofil hinzufügen</translation>
    </message>
    <message>
        <source>Edit Connection Profile</source>
        <translation>Verbindungsprofil bearbeiten</translation>
    </message>
    <message>
        <source>postgresql+psycopg2://user:password@host/database</source>
        <translation>postgresql+psycopg2://user:password@host/database</translation>
    </message>
    <message>
        <source>empty: the ini&apos;s URL, %1</source>
        <translation>leer: die URL aus der ini, %1</translation>
    </message>
    <message>
        <source>the default schema</source>
        <translation>das Standardschema</translation>
    </message>
    <message>
        <source>One KEY=value a line, set for alembic&apos;s process</source>
        <translation>Eine Zeile pro SCHLÜSSEL=Wert, gesetzt für den alembic-Prozess</translation>
    </message>
    <message>
        <source>One -x value a line, e.g. tenant=acme</source>
        <translation>Ein -x-Wert pro Zeile, z. B. tenant=acme</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Schema:</source>
        <translation>&amp;Schema:</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>U&amp;mgebung:</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Reading the version table…</source>
        <translation>Versionstabelle wird gelesen…</translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation>Das Profil braucht einen Namen.</translation>
    </message>
    <message>
        <source>Another profile is already called %1.</source>
        <translation>Ein anderes Profil heißt bereits %1.</translation>
    </message>
    <message>
        <source>Environment lines are KEY=value: %1</source>
        <translation>Umgebungszeilen haben die Form SCHLÜSSEL=Wert: %1</translation>
    </message>
    <message>
        <source>✓ </source>
        <translation>✓ </translation>
    </message>
    <message>
        <source>✗ </source>
        <translation>✗ </translation>
    </message>
    <message>
        <source>&amp;Protected: ask me to type the profile&apos;s name before a run</source>
        <translation>&amp;Geschützt: vor einem Lauf die Eingabe des Profilnamens verlangen</translation>
    </message>
    <message>
        <source>&amp;Version table:</source>
        <translation>&amp;Versionstabelle:</translation>
    </message>
    <message>
        <source>-&amp;x arguments:</source>
        <translation>-&amp;x-Argumente:</translation>
    </message>
    <message>
        <source>The file %1 does not exist yet; alembic would create it on its first run (at base).</source>
        <translation>Die Datei %1 existiert noch nicht; alembic würde sie beim ersten Lauf anlegen (auf Basis).</translation>
    </message>
    <message>
        <source>Connected: the database is at base.</source>
        <translation>Verbunden: Die Datenbank steht auf Basis.</translation>
    </message>
    <message>
        <source>Connected: the database is at %1.</source>
        <translation>Verbunden: Die Datenbank steht auf %1.</translation>
    </message>
    <message>
        <source>saved; type here to change it</source>
        <translation>gespeichert; zum Ändern hier eingeben</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Zeigen</translation>
    </message>
    <message>
        <source>Show the password and the secret environment values</source>
        <translation>Passwort und geheime Umgebungswerte anzeigen</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>The URL is saved as plain text, and its parameter “%1” looks secret: give the password in the Password field, or the value as a secret environment variable.</source>
        <translation>Die URL wird als Klartext gespeichert, und ihr Parameter „%1“ sieht geheim aus: Geben Sie das Passwort im Feld Passwort an oder den Wert als geheime Umgebungsvariable.</translation>
    </message>
    <message>
        <source>Scr&amp;atch: a throwaway database that Run Stairway may use</source>
        <translation>&amp;Wegwerfdatenbank: darf von „Stairway ausführen“ verwendet werden</translation>
    </message>
    <message>
        <source>Run Stairway upgrades, downgrades and upgrades again every revision on a scratch database, which destroys whatever data it holds. Mark only an empty database that exists for this purpose. A protected profile, or one that uses the ini&apos;s own database, cannot be scratch.</source>
        <translation>„Stairway ausführen“ führt für jede Revision auf einer Wegwerfdatenbank ein Upgrade, ein Downgrade und erneut ein Upgrade aus, was alle darin enthaltenen Daten zerstört. Markieren Sie nur eine leere Datenbank, die für diesen Zweck existiert. Ein geschütztes Profil oder eines, das die eigene Datenbank der ini verwendet, kann keine Wegwerfdatenbank sein.</translation>
    </message>
    <message>
        <source>Scratch: %1</source>
        <translation>Wegwerfdatenbank: %1</translation>
    </message>
</context>
<context>
    <name>retort::ProjectSession</name>
    <message>
        <source>The project could not be loaded.</source>
        <translation>Das Projekt konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>The project folder %1 was moved or deleted; runs are disabled until you reopen it. Open scripts keep their text.</source>
        <translation>Der Projektordner %1 wurde verschoben oder gelöscht; Läufe sind deaktiviert, bis Sie ihn erneut öffnen. Offene Skripte behalten ihren Text.</translation>
    </message>
    <message>
        <source>The configuration file %1 was moved or deleted; runs are disabled until it is back or you reopen the project. Open scripts keep their text.</source>
        <translation>Die Konfigurationsdatei %1 wurde verschoben oder gelöscht; Läufe sind deaktiviert, bis sie wieder da ist oder Sie das Projekt erneut öffnen. Offene Skripte behalten ihren Text.</translation>
    </message>
</context>
<context>
    <name>retort::ProtectedConfirmation</name>
    <message>
        <source>“%1” is a protected database. Type its &amp;name to confirm:</source>
        <translation>„%1“ ist eine geschützte Datenbank. Geben Sie zur Bestätigung ihren &amp;Namen ein:</translation>
    </message>
    <message>
        <source>“%1” is a protected database too. Type its name to confirm (Alt+&amp;%2):</source>
        <translation>„%1“ ist ebenfalls eine geschützte Datenbank. Geben Sie zur Bestätigung ihren Namen ein (Alt+&amp;%2):</translation>
    </message>
</context>
<context>
    <name>retort::ReparentDialog</name>
    <message>
        <source>Re-parent %1</source>
        <translation>%1 umhängen</translation>
    </message>
    <message>
        <source>nothing (it is a base)</source>
        <translation>nichts (sie ist eine Basis)</translation>
    </message>
    <message>
        <source>%1 will follow %2 instead of %3: its down_revision in %4 changes, nothing else.</source>
        <translation>%1 folgt dann auf %2 statt auf %3: Ihre down_revision in %4 ändert sich, sonst nichts.</translation>
    </message>
    <message>
        <source>Changes to %1</source>
        <translation>Änderungen an %1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Refused: %1. Those databases ran what would move (%2); after the change alembic would take %3 as applied there without having run it.</source>
        <translation>Abgelehnt: %1. Diese Datenbanken haben ausgeführt, was verschoben würde (%2); nach der Änderung würde alembic %3 dort als angewendet ansehen, ohne es ausgeführt zu haben.</translation>
    </message>
    <message>
        <source>Re&amp;write it anyway: I will bring those databases back in line myself</source>
        <translation>Trotzdem &amp;umschreiben: Ich bringe diese Datenbanken selbst wieder in Einklang</translation>
    </message>
    <message>
        <source>The change is made in the script&apos;s tab and saved: Ctrl+Z there, then Save, takes it back.</source>
        <translation>Die Änderung wird im Tab des Skripts vorgenommen und gespeichert: Strg+Z dort, dann Speichern, macht sie rückgängig.</translation>
    </message>
    <message>
        <source>Re-parent and &amp;Save</source>
        <translation>Umhängen und &amp;speichern</translation>
    </message>
</context>
<context>
    <name>retort::RevisionCommand</name>
    <message>
        <source>alembic did not say which file it generated.</source>
        <translation>alembic hat nicht mitgeteilt, welche Datei es erzeugt hat.</translation>
    </message>
</context>
<context>
    <name>retort::RevisionDetailsView</name>
    <message>
        <source>Select a revision to see its details</source>
        <translation>Wählen Sie eine Revision aus, um ihre Details zu sehen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the revision id to the clipboard</source>
        <translation>Die Revisions-Id in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Revision:</source>
        <translation>Revision:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Meldung:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Marks:</source>
        <translation>Merkmale:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>Parents:</source>
        <translation>Eltern:</translation>
    </message>
    <message>
        <source>Children:</source>
        <translation>Kinder:</translation>
    </message>
    <message>
        <source>Depends on:</source>
        <translation>Hängt ab von:</translation>
    </message>
    <message>
        <source>Resolved dependencies:</source>
        <translation>Aufgelöste Abhängigkeiten:</translation>
    </message>
    <message>
        <source>Dependents:</source>
        <translation>Abhängige:</translation>
    </message>
    <message>
        <source>Branch labels:</source>
        <translation>Branch-Labels:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Diagnostics:</source>
        <translation>Befunde:</translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation>(keine Meldung)</translation>
    </message>
    <message>
        <source>head</source>
        <translation>Kopf</translation>
    </message>
    <message>
        <source>base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>branch point</source>
        <translation>Verzweigungspunkt</translation>
    </message>
    <message>
        <source>merge point</source>
        <translation>Zusammenführung</translation>
    </message>
    <message>
        <source>%1 (no script)</source>
        <translation>%1 (kein Skript)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (unknown)</source>
        <translation>%1 (unbekannt)</translation>
    </message>
    <message>
        <source>%1 (declared)</source>
        <translation>%1 (deklariert)</translation>
    </message>
    <message>
        <source>%1 (inherited)</source>
        <translation>%1 (geerbt)</translation>
    </message>
    <message>
        <source>%1 (inherited from %2)</source>
        <translation>%1 (geerbt von %2)</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>die Datenbank</translation>
    </message>
    <message>
        <source>unknown in %1: %2</source>
        <translation>unbekannt in %1: %2</translation>
    </message>
    <message>
        <source>current in %1</source>
        <translation>aktuell in %1</translation>
    </message>
    <message>
        <source>applied in %1</source>
        <translation>angewendet in %1</translation>
    </message>
    <message>
        <source>pending in %1</source>
        <translation>ausstehend in %1</translation>
    </message>
    <message>
        <source>%1, %2 · %3 · %4</source>
        <comment>git author, date, short hash, subject</comment>
        <translation>%1, %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Committed:</source>
        <translation>Commit:</translation>
    </message>
    <message>
        <source>Added to git by %1 &lt;%2&gt; on %3 in commit %4</source>
        <translation>Von %1 &lt;%2&gt; am %3 mit Commit %4 zu git hinzugefügt</translation>
    </message>
</context>
<context>
    <name>retort::RevisionListView</name>
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
    <message>
        <source>%1 · selected %2 filtered out</source>
        <comment>count · selection note</comment>
        <translation>%1 · ausgewählte %2 ausgefiltert</translation>
    </message>
    <message>
        <source>The selected revision %1 is hidden by the filter. It stays selected: the graph, the details and Run act on it. Clear the filter to see its row.</source>
        <translation>Die ausgewählte Revision %1 wird durch den Filter ausgeblendet. Sie bleibt ausgewählt: Der Graph, die Details und das Menü „Ausführen“ beziehen sich auf sie. Leeren Sie den Filter, um ihre Zeile zu sehen.</translation>
    </message>
    <message>
        <source>Filter by id, message, label, file, author or date</source>
        <translation>Nach Id, Meldung, Label, Datei, Autor oder Datum filtern</translation>
    </message>
</context>
<context>
    <name>retort::RevisionNodeItem</name>
    <message>
        <source>no script</source>
        <translation>kein Skript</translation>
    </message>
    <message>
        <source>No script: the version table names a revision that is not in the project.</source>
        <translation>Kein Skript: Die Versionstabelle nennt eine Revision, die nicht im Projekt ist.</translation>
    </message>
    <message>
        <source>Part of the migration plan</source>
        <translation>Teil des Migrationsplans</translation>
    </message>
    <message>
        <source>Running now</source>
        <translation>Läuft gerade</translation>
    </message>
    <message>
        <source>This step failed.</source>
        <translation>Dieser Schritt ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>This step failed: %1</source>
        <translation>Dieser Schritt ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>the selected database</source>
        <translation>die ausgewählte Datenbank</translation>
    </message>
    <message>
        <source>Applied: %1 has run this migration.</source>
        <translation>Angewendet: %1 hat diese Migration ausgeführt.</translation>
    </message>
    <message>
        <source>Pending: %1 has not run this migration yet.</source>
        <translation>Ausstehend: %1 hat diese Migration noch nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Current: %1 stands here (its version table names this revision).</source>
        <translation>Aktuell: %1 steht hier (die Versionstabelle nennt diese Revision).</translation>
    </message>
    <message>
        <source>%1 is here.</source>
        <translation>%1 steht hier.</translation>
    </message>
    <message>
        <source>%1 are here.</source>
        <translation>%1 stehen hier.</translation>
    </message>
    <message>
        <source>The script has errors (see Diagnostics).</source>
        <translation>Das Skript hat Fehler (siehe Befunde).</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
    <message>
        <source>Only %1 (A) has this applied.</source>
        <translation>Nur %1 (A) hat dies angewendet.</translation>
    </message>
    <message>
        <source>Only %1 (B) has this applied.</source>
        <translation>Nur %1 (B) hat dies angewendet.</translation>
    </message>
</context>
<context>
    <name>retort::RevisionOperationsView</name>
    <message>
        <source>Operations:</source>
        <translation>Operationen:</translation>
    </message>
    <message>
        <source>&lt;i&gt;Reading operations…&lt;/i&gt;</source>
        <translation>&lt;i&gt;Operationen werden gelesen…&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Not read: the revision has no script Retort could read.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Nicht gelesen: Die Revision hat kein Skript, das Retort lesen konnte.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Not read: %1&lt;/i&gt;</source>
        <translation>&lt;i&gt;Nicht gelesen: %1&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>Downgrade</source>
        <translation>Downgrade</translation>
    </message>
    <message>
        <source>&lt;i&gt;No such function in the script&lt;/i&gt;</source>
        <translation>&lt;i&gt;Keine solche Funktion im Skript&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Does nothing (the body is empty)</source>
        <translation>Tut nichts (der Rumpf ist leer)</translation>
    </message>
    <message>
        <source>No operations</source>
        <translation>Keine Operationen</translation>
    </message>
    <message>
        <source>Runs raw SQL (never read as schema):</source>
        <translation>Führt rohes SQL aus (nie als Schema gelesen):</translation>
    </message>
    <message>
        <source>Raises %1</source>
        <translation>Löst %1 aus</translation>
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
    <message>
        <source>Current</source>
        <comment>revision state: in the version table</comment>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Applied</source>
        <comment>revision state: below the current revision</comment>
        <translation>Angewendet</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>revision state: not applied yet</comment>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>No database selected.</source>
        <translation>Keine Datenbank ausgewählt.</translation>
    </message>
    <message>
        <source>The version table of %1 could not be read: %2</source>
        <translation>Die Versionstabelle von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The version table of %1 has not been read yet.</source>
        <translation>Die Versionstabelle von %1 wurde noch nicht gelesen.</translation>
    </message>
    <message>
        <source>Current in %1: its id is in the version table.</source>
        <translation>Aktuell in %1: Die Id dieser Revision steht in der Versionstabelle.</translation>
    </message>
    <message>
        <source>Applied in %1: a current revision builds on it.</source>
        <translation>Angewendet in %1: Eine aktuelle Revision baut auf ihr auf.</translation>
    </message>
    <message>
        <source>Pending in %1: not applied; upgrading to its heads would run it.</source>
        <translation>Ausstehend in %1: nicht angewendet; ein Upgrade auf ihre Köpfe würde sie ausführen.</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>revision state: the version table could not be read</comment>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>depends_on: applied before this revision, though not its parent
%1</source>
        <translation>depends_on: wird vor dieser Revision angewendet, ist aber nicht ihre Elternrevision
%1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Depends On</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <source>Current, applied or pending in the selected database</source>
        <translation>Aktuell, angewendet oder ausstehend in der ausgewählten Datenbank</translation>
    </message>
    <message>
        <source>Current, applied or pending in %1</source>
        <translation>Aktuell, angewendet oder ausstehend in %1</translation>
    </message>
    <message>
        <source>Revisions this one depends on (`depends_on`)</source>
        <translation>Revisionen, von denen diese abhängt (`depends_on`)</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Who wrote the commit that added the file (git)</source>
        <translation>Wer den Commit geschrieben hat, der die Datei hinzugefügt hat (git)</translation>
    </message>
    <message>
        <source>When the commit that added the file was written (git)</source>
        <translation>Wann der Commit geschrieben wurde, der die Datei hinzugefügt hat (git)</translation>
    </message>
    <message>
        <source>Git has no commit that added this file (not committed yet, or outside the work tree).</source>
        <translation>Git hat keinen Commit, der diese Datei hinzugefügt hat (noch nicht committet oder außerhalb des Arbeitsverzeichnisses).</translation>
    </message>
    <message>
        <source>Added in %1 by %2 &lt;%3&gt;, %4:
%5</source>
        <translation>Hinzugefügt in %1 von %2 &lt;%3&gt;, %4:
%5</translation>
    </message>
</context>
<context>
    <name>retort::RunCommand</name>
    <message>
        <source>Cannot use this connection&apos;s own URL: the Python interpreter behind %1 is not known (its first line names none). Set the Python interpreter in the project settings to one that has alembic installed.</source>
        <translation>Die eigene URL dieser Verbindung kann nicht verwendet werden: Der Python-Interpreter hinter %1 ist unbekannt (seine erste Zeile nennt keinen). Legen Sie in den Projekteinstellungen einen Python-Interpreter fest, in dem alembic installiert ist.</translation>
    </message>
    <message>
        <source> -c &lt;Retort&apos;s bootstrap: alembic with the connection&apos;s URL&gt; </source>
        <translation> -c &lt;Retorts Bootstrap: alembic mit der URL der Verbindung&gt; </translation>
    </message>
    <message>
        <source>Cannot run several alembic commands in one process: the Python interpreter behind %1 is not known (its first line names none). Set the Python interpreter in the project settings to one that has alembic installed.</source>
        <translation>Mehrere alembic-Befehle können nicht in einem Prozess ausgeführt werden: Der Python-Interpreter hinter %1 ist unbekannt (seine erste Zeile nennt keinen). Legen Sie in den Projekteinstellungen einen Python-Interpreter fest, in dem alembic installiert ist.</translation>
    </message>
    <message numerus="yes">
        <source> -c &lt;Retort&apos;s bootstrap: %n alembic command(s) in one process&gt; </source>
        <translation>
            <numerusform> -c &lt;Bootstrap von Retort: %n alembic-Befehl in einem Prozess&gt; </numerusform>
            <numerusform> -c &lt;Bootstrap von Retort: %n alembic-Befehle in einem Prozess&gt; </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retort::RunController</name>
    <message>
        <source>Step &amp;Up</source>
        <translation>Einen Schritt &amp;aufwärts</translation>
    </message>
    <message>
        <source>Upgrade the selected database by one revision (upgrade +1)</source>
        <translation>Die ausgewählte Datenbank um eine Revision per Upgrade anheben (upgrade +1)</translation>
    </message>
    <message>
        <source>Step &amp;Down</source>
        <translation>Einen Schritt a&amp;bwärts</translation>
    </message>
    <message>
        <source>Downgrade the selected database by one revision (downgrade -1)</source>
        <translation>Die ausgewählte Datenbank um eine Revision per Downgrade absenken (downgrade -1)</translation>
    </message>
    <message>
        <source>&amp;Upgrade to Selected Revision</source>
        <translation>&amp;Upgrade auf ausgewählte Revision</translation>
    </message>
    <message>
        <source>Upgrade the selected database to the revision selected in the graph</source>
        <translation>Upgrade der ausgewählten Datenbank auf die im Graphen ausgewählte Revision</translation>
    </message>
    <message>
        <source>D&amp;owngrade to Selected Revision</source>
        <translation>&amp;Downgrade auf ausgewählte Revision</translation>
    </message>
    <message>
        <source>Downgrade the selected database to the revision selected in the graph</source>
        <translation>Downgrade der ausgewählten Datenbank auf die im Graphen ausgewählte Revision</translation>
    </message>
    <message>
        <source>Upgrade All &amp;Heads</source>
        <translation>Upgrade auf alle &amp;Köpfe</translation>
    </message>
    <message>
        <source>Upgrade the selected database to every head (upgrade heads)</source>
        <translation>Upgrade der ausgewählten Datenbank auf alle Köpfe (upgrade heads)</translation>
    </message>
    <message>
        <source>S&amp;tamp Selected Revision</source>
        <translation>S&amp;tamp mit ausgewählter Revision</translation>
    </message>
    <message>
        <source>Record the selected revision in the version table without running it</source>
        <translation>Die ausgewählte Revision in die Versionstabelle eintragen, ohne sie auszuführen</translation>
    </message>
    <message>
        <source>&amp;Refresh Database</source>
        <translation>Datenbank neu &amp;einlesen</translation>
    </message>
    <message>
        <source>Read the selected database&apos;s version table again</source>
        <translation>Die Versionstabelle der ausgewählten Datenbank neu einlesen</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>Stop the running migration</source>
        <translation>Die laufende Migration stoppen</translation>
    </message>
    <message>
        <source>Python &amp;Interpreter…</source>
        <translation>Python-&amp;Interpreter…</translation>
    </message>
    <message>
        <source>Choose the Python interpreter that runs alembic for this project</source>
        <translation>Den Python-Interpreter wählen, der alembic für dieses Projekt ausführt</translation>
    </message>
    <message>
        <source>Save &amp;Log…</source>
        <translation>&amp;Protokoll speichern…</translation>
    </message>
    <message>
        <source>Save the migration log to a file</source>
        <translation>Das Migrationsprotokoll in einer Datei speichern</translation>
    </message>
    <message>
        <source>Step up</source>
        <translation>Schritt aufwärts</translation>
    </message>
    <message>
        <source>Step down</source>
        <translation>Schritt abwärts</translation>
    </message>
    <message>
        <source>Upgrade to selected</source>
        <translation>Upgrade auf Auswahl</translation>
    </message>
    <message>
        <source>Downgrade to selected</source>
        <translation>Downgrade auf Auswahl</translation>
    </message>
    <message>
        <source>Upgrade all heads</source>
        <translation>Upgrade auf alle Köpfe</translation>
    </message>
    <message>
        <source>Where “%1” stands is not known: %2</source>
        <translation>Der Stand von „%1“ ist unbekannt: %2</translation>
    </message>
    <message>
        <source>it has not been read yet</source>
        <translation>er wurde noch nicht eingelesen</translation>
    </message>
    <message>
        <source>The version table of “%1” names %2, which has no script in this project. Alembic cannot upgrade or downgrade from there. If the schema matches a revision you have, select it and choose Stamp Selected Revision: the stamp empties the version table first (--purge) and records that revision.</source>
        <translation>Die Versionstabelle von „%1“ nennt %2, wofür es in diesem Projekt kein Skript gibt. Von dort aus kann alembic weder Upgrade noch Downgrade ausführen. Wenn das Schema einer vorhandenen Revision entspricht, wählen Sie diese aus und dann „Stamp mit ausgewählter Revision“: Der Stamp leert zuerst die Versionstabelle (--purge) und trägt diese Revision ein.</translation>
    </message>
    <message>
        <source>Alembic would refuse this: %1</source>
        <translation>Alembic würde dies ablehnen: %1</translation>
    </message>
    <message>
        <source>Nothing to run: “%1” is already there.</source>
        <translation>Nichts auszuführen: „%1“ ist bereits auf diesem Stand.</translation>
    </message>
    <message>
        <source>Stamp</source>
        <translation>Stamp</translation>
    </message>
    <message>
        <source>Alembic&apos;s offline mode (--sql) starts from one revision; this database is at several (%1).</source>
        <translation>Der Offline-Modus von Alembic (--sql) beginnt bei einer einzigen Revision; diese Datenbank steht auf mehreren (%1).</translation>
    </message>
    <message>
        <source>Alembic&apos;s offline mode (--sql) downgrades to one revision; this plan ends at several.</source>
        <translation>Der Offline-Modus von Alembic (--sql) führt ein Downgrade auf eine einzige Revision aus; dieser Plan endet bei mehreren.</translation>
    </message>
    <message>
        <source>No project or no database profile “%1”.</source>
        <translation>Kein Projekt oder kein Datenbankprofil „%1“.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>▶ %1   (database “%2”)</source>
        <translation>▶ %1   (Datenbank „%2“)</translation>
    </message>
    <message>
        <source>Running %1 on “%2”…</source>
        <translation>%1 läuft auf „%2“…</translation>
    </message>
    <message>
        <source>Starting %1 on “%2”…</source>
        <translation>%1 wird auf „%2“ gestartet…</translation>
    </message>
    <message>
        <source>Upgrading “%1”: %2</source>
        <translation>Upgrade von „%1“: %2</translation>
    </message>
    <message>
        <source>Downgrading “%1”: %2</source>
        <translation>Downgrade von „%1“: %2</translation>
    </message>
    <message>
        <source>%1 on “%2” finished.</source>
        <translation>%1 auf „%2“ abgeschlossen.</translation>
    </message>
    <message>
        <source>%1 on “%2” failed: %3</source>
        <translation>%1 auf „%2“ fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>%1 on “%2” failed at %3: %4</source>
        <translation>%1 auf „%2“ bei %3 fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>%1 on “%2” was stopped. The version table is read again to show where the database really stands.</source>
        <translation>%1 auf „%2“ wurde gestoppt. Die Versionstabelle wird neu eingelesen, um zu zeigen, wo die Datenbank wirklich steht.</translation>
    </message>
    <message>
        <source>%1 could not start: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>Alembic could not start</source>
        <translation>Alembic konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>%1

Choose Run ▸ Python Interpreter… to pick an interpreter that has alembic installed.</source>
        <translation>%1

Wählen Sie Ausführen ▸ Python-Interpreter…, um einen Interpreter auszuwählen, in dem alembic installiert ist.</translation>
    </message>
    <message>
        <source>Stopping %1 on “%2”: alembic is asked to end, and killed if it does not.</source>
        <translation>%1 auf „%2“ wird gestoppt: alembic wird aufgefordert, sich zu beenden, und andernfalls abgeschossen.</translation>
    </message>
    <message>
        <source>A migration is running</source>
        <translation>Eine Migration läuft</translation>
    </message>
    <message>
        <source>A migration is running on %1. Closing Retort stops it. Where alembic runs with transactional DDL (PostgreSQL) the open transaction is rolled back; SQLite, MySQL and MariaDB keep what the running step already did, so the schema may be ahead of the version table. Close anyway?</source>
        <translation>Auf %1 läuft eine Migration. Beim Schließen von Retort wird sie gestoppt. Wo alembic mit transaktionalem DDL läuft (PostgreSQL), wird die offene Transaktion zurückgerollt; SQLite, MySQL und MariaDB behalten, was der laufende Schritt bereits getan hat, sodass das Schema der Versionstabelle voraus sein kann. Trotzdem schließen?</translation>
    </message>
    <message>
        <source>Python Interpreter for This Project</source>
        <translation>Python-Interpreter für dieses Projekt</translation>
    </message>
    <message>
        <source>Alembic will run with %1 -m alembic</source>
        <translation>Alembic wird mit %1 -m alembic ausgeführt</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>Protokolldateien (*.log *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Upgrade to Selected</source>
        <translation>Upgrade auf Auswahl</translation>
    </message>
    <message>
        <source>Downgrade to Selected</source>
        <translation>Downgrade auf Auswahl</translation>
    </message>
    <message>
        <source>Stamp Selected</source>
        <translation>Stamp mit Auswahl</translation>
    </message>
    <message>
        <source>Preview SQL</source>
        <translation>SQL-Vorschau</translation>
    </message>
    <message>
        <source>▶ %1   (SQL preview for “%2”)</source>
        <translation>▶ %1   (SQL-Vorschau für „%2“)</translation>
    </message>
    <message>
        <source>Asking %1 which alembic it has…</source>
        <translation>Frage %1, welches alembic es hat …</translation>
    </message>
    <message>
        <source>%1 runs alembic %2; the project is read again for it.</source>
        <translation>%1 führt alembic %2 aus; das Projekt wird dafür neu gelesen.</translation>
    </message>
    <message>
        <source>%1 It printed nothing: is the project&apos;s Python one with alembic? (Run ▸ Python Interpreter…)</source>
        <translation>%1 Es gab nichts aus: Hat das Python des Projekts alembic? (Ausführen ▸ Python-Interpreter…)</translation>
    </message>
    <message>
        <source>No project is loaded, or no database or target is chosen.</source>
        <translation>Es ist kein Projekt geladen, oder es ist keine Datenbank oder kein Ziel gewählt.</translation>
    </message>
</context>
<context>
    <name>retort::SchemaView</name>
    <message>
        <source>%1 is not a revision of this project</source>
        <translation>%1 ist keine Revision dieses Projekts</translation>
    </message>
    <message>
        <source>a revision, a label, heads…</source>
        <translation>eine Revision, ein Label, heads…</translation>
    </message>
    <message>
        <source>The revision to show the schema at: an id or its start, a branch label, heads, a database&apos;s current revisions, or any target alembic takes</source>
        <translation>Die Revision, bei der das Schema gezeigt wird: eine Id oder ihr Anfang, ein Branch-Label, heads, die aktuellen Revisionen einer Datenbank oder jedes Ziel, das alembic annimmt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>A second revision: lists what changes from the first to it</source>
        <translation>Eine zweite Revision: listet auf, was sich von der ersten bis zu ihr ändert</translation>
    </message>
    <message>
        <source>Schema &amp;at:</source>
        <translation>Schema &amp;bei:</translation>
    </message>
    <message>
        <source>Com&amp;pare with:</source>
        <translation>Ver&amp;gleichen mit:</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Table / column</source>
        <translation>Tabelle / Spalte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Nullable</source>
        <translation>NULL erlaubt</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Added in</source>
        <translation>Hinzugefügt in</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Could not know</source>
        <translation>Nicht bestimmbar</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Enter or double-click opens the script at the line</source>
        <translation>Eingabetaste oder Doppelklick öffnet das Skript an der Zeile</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>revision id · message</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Reading operations…</source>
        <translation>Operationen werden gelesen…</translation>
    </message>
    <message>
        <source>Type a revision to see the schema at it.</source>
        <translation>Geben Sie eine Revision ein, um das Schema bei ihr zu sehen.</translation>
    </message>
    <message>
        <source>Replaying the migrations…</source>
        <translation>Migrationen werden nachgespielt…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>primär</translation>
    </message>
    <message numerus="yes">
        <source>C&amp;hanges from %1 to %2 (%n):</source>
        <translation>
            <numerusform>Än&amp;derungen von %1 zu %2 (%n):</numerusform>
            <numerusform>Än&amp;derungen von %1 zu %2 (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>No schema at %1: %2</source>
        <translation>Kein Schema bei %1: %2</translation>
    </message>
    <message>
        <source>base</source>
        <translation>Basis</translation>
    </message>
    <message numerus="yes">
        <source>%n table at %1</source>
        <translation>
            <numerusform>%n Tabelle bei %1</numerusform>
            <numerusform>%n Tabellen bei %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tables at %1</source>
        <translation>
            <numerusform>%n Tabelle bei %1</numerusform>
            <numerusform>%n Tabellen bei %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot compare with %1: %2</source>
        <translation>Vergleich mit %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>no change from %1 to %2</source>
        <translation>keine Änderung von %1 zu %2</translation>
    </message>
    <message>
        <source>&amp;Could not know: nothing</source>
        <translation>&amp;Nicht bestimmbar: nichts</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Could not know (%n):</source>
        <translation>
            <numerusform>&amp;Nicht bestimmbar (%n):</numerusform>
            <numerusform>&amp;Nicht bestimmbar (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>table %1 added</source>
        <translation>Tabelle %1 hinzugefügt</translation>
    </message>
    <message>
        <source>table %1 removed</source>
        <translation>Tabelle %1 entfernt</translation>
    </message>
    <message>
        <source>column %1 added</source>
        <translation>Spalte %1 hinzugefügt</translation>
    </message>
    <message>
        <source>column %1 removed</source>
        <translation>Spalte %1 entfernt</translation>
    </message>
    <message>
        <source>column %1 changed</source>
        <translation>Spalte %1 geändert</translation>
    </message>
</context>
<context>
    <name>retort::ScratchDatabase</name>
    <message>
        <source>Cannot make a temporary folder for the stairway&apos;s SQLite database: %1</source>
        <translation>Für die SQLite-Datenbank des Stairway-Laufs kann kein temporärer Ordner angelegt werden: %1</translation>
    </message>
    <message>
        <source>a temporary SQLite file (%1)</source>
        <translation>eine temporäre SQLite-Datei (%1)</translation>
    </message>
    <message>
        <source>Cannot read the version table of %1: %2</source>
        <translation>Die Versionstabelle von %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not at base (its version table holds %2). A stairway upgrades and downgrades every revision from an empty database: use an empty scratch database, or downgrade this one to base first.</source>
        <translation>%1 steht nicht auf Basis (ihre Versionstabelle enthält %2). Ein Stairway-Lauf führt ausgehend von einer leeren Datenbank für jede Revision ein Upgrade und ein Downgrade aus: Verwenden Sie eine leere Wegwerfdatenbank, oder führen Sie für diese zuerst ein Downgrade auf Basis aus.</translation>
    </message>
</context>
<context>
    <name>retort::ScriptBanner</name>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Replace the text here with the file on disk (your edits are lost)</source>
        <translation>Den Text hier durch die Datei auf der Festplatte ersetzen (Ihre Änderungen gehen verloren)</translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <source>Keep the text here; saving overwrites the file on disk</source>
        <translation>Den Text hier behalten; Speichern überschreibt die Datei auf der Festplatte</translation>
    </message>
    <message>
        <source>The file changed on disk while you were editing it here.</source>
        <translation>Die Datei wurde auf der Festplatte geändert, während Sie sie hier bearbeitet haben.</translation>
    </message>
    <message>
        <source>The file was deleted from disk. The text is kept here; Save writes it back.</source>
        <translation>Die Datei wurde von der Festplatte gelöscht. Der Text bleibt hier erhalten; Speichern schreibt ihn zurück.</translation>
    </message>
    <message>
        <source>The project folder was moved or deleted. The text is kept here; saving fails until the folder is back (or reopen the project).</source>
        <translation>Der Projektordner wurde verschoben oder gelöscht. Der Text bleibt hier erhalten; Speichern schlägt fehl, bis der Ordner wieder da ist (oder öffnen Sie das Projekt erneut).</translation>
    </message>
</context>
<context>
    <name>retort::ScriptEditor</name>
    <message>
        <source>Script editor</source>
        <translation>Skripteditor</translation>
    </message>
</context>
<context>
    <name>retort::ScriptFile</name>
    <message>
        <source>The file declares an encoding Retort cannot edit safely (only UTF-8 and latin-1).</source>
        <translation>Die Datei deklariert eine Kodierung, die Retort nicht sicher bearbeiten kann (nur UTF-8 und latin-1).</translation>
    </message>
    <message>
        <source>The file starts with a UTF-8 byte order mark but declares another encoding.</source>
        <translation>Die Datei beginnt mit einer UTF-8-Bytereihenfolge-Markierung (BOM), deklariert aber eine andere Kodierung.</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 and declares no other encoding.</source>
        <translation>Die Datei ist kein gültiges UTF-8 und deklariert keine andere Kodierung.</translation>
    </message>
    <message>
        <source>The text has characters that latin-1, the file&apos;s encoding, cannot hold.</source>
        <translation>Der Text enthält Zeichen, die latin-1, die Kodierung der Datei, nicht darstellen kann.</translation>
    </message>
</context>
<context>
    <name>retort::ScriptPage</name>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>&amp;Ersetzen…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>&amp;Gehe zu Zeile…</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <comment>tab of a script whose file is gone</comment>
        <translation>%1 (gelöscht)</translation>
    </message>
    <message>
        <source>%1 ●</source>
        <comment>tab of a modified script</comment>
        <translation>%1 ●</translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>Gehe zu Zeile</translation>
    </message>
    <message>
        <source>Line (1–%1):</source>
        <translation>Zeile (1–%1):</translation>
    </message>
    <message>
        <source>%1 (folder gone)</source>
        <comment>tab of a script whose project folder was moved or deleted</comment>
        <translation>%1 (Ordner fehlt)</translation>
    </message>
</context>
<context>
    <name>retort::ScriptsController</name>
    <message>
        <source>&amp;Open Script</source>
        <translation>Skript &amp;öffnen</translation>
    </message>
    <message>
        <source>Open the selected revision&apos;s script</source>
        <translation>Das Skript der ausgewählten Revision öffnen</translation>
    </message>
    <message>
        <source>&amp;Save Script</source>
        <translation>Skript &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Close Script</source>
        <translation>Skript s&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;New Revision…</source>
        <translation>&amp;Neue Revision…</translation>
    </message>
    <message>
        <source>Create a revision script with alembic revision</source>
        <translation>Ein Revisionsskript mit alembic revision erstellen</translation>
    </message>
    <message>
        <source>&amp;Merge Heads…</source>
        <translation>&amp;Köpfe zusammenführen…</translation>
    </message>
    <message>
        <source>Join heads with alembic merge</source>
        <translation>Köpfe mit alembic merge zusammenführen</translation>
    </message>
    <message>
        <source>alembic failed: %1</source>
        <translation>alembic ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>%1 erstellt</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Die Änderungen an %1 speichern?</translation>
    </message>
    <message>
        <source>Save the changes to these scripts?

%1</source>
        <translation>Die Änderungen an diesen Skripten speichern?

%1</translation>
    </message>
    <message>
        <source>Your changes are lost if you don&apos;t save them.</source>
        <translation>Ihre Änderungen gehen verloren, wenn Sie sie nicht speichern.</translation>
    </message>
    <message>
        <source>Could not reload %1: %2</source>
        <translation>%1 konnte nicht neu geladen werden: %2</translation>
    </message>
    <message>
        <source>Running alembic %1…</source>
        <translation>alembic %1 läuft…</translation>
    </message>
    <message>
        <source>Could not save %1: the folder %2 no longer exists (moved or deleted). The text is kept here.</source>
        <translation>%1 konnte nicht gespeichert werden: Der Ordner %2 existiert nicht mehr (verschoben oder gelöscht). Der Text bleibt hier erhalten.</translation>
    </message>
</context>
<context>
    <name>retort::SecretPrompt</name>
    <message>
        <source>Password for “%1”</source>
        <translation>Passwort für „%1“</translation>
    </message>
    <message>
        <source>Retort needs these to read the database of the connection profile “%1”.</source>
        <translation>Retort braucht diese Angaben, um die Datenbank des Verbindungsprofils „%1“ zu lesen.</translation>
    </message>
    <message>
        <source>Retort needs these to read the database of the connection profile “%1” (%2).</source>
        <translation>Retort braucht diese Angaben, um die Datenbank des Verbindungsprofils „%1“ (%2) zu lesen.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Zeigen</translation>
    </message>
</context>
<context>
    <name>retort::SecretStore</name>
    <message>
        <source>Retort was started without the system keychain.</source>
        <translation>Retort wurde ohne den Schlüsselbund des Systems gestartet.</translation>
    </message>
    <message>
        <source>The system keychain did not answer within %1 seconds.</source>
        <translation>Der Schlüsselbund des Systems hat nicht innerhalb von %1 Sekunden geantwortet.</translation>
    </message>
</context>
<context>
    <name>retort::SettingsDialog</name>
    <message>
        <source>Configure Retort</source>
        <translation>Retort einrichten</translation>
    </message>
    <message>
        <source>System (follow the desktop)</source>
        <translation>System (folgt dem Desktop)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source> columns</source>
        <translation> Spalten</translation>
    </message>
    <message>
        <source>Script Editor</source>
        <translation>Skripteditor</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>&amp;Schriftart:</translation>
    </message>
    <message>
        <source>Ta&amp;b width:</source>
        <translation>&amp;Tabulatorbreite:</translation>
    </message>
    <message>
        <source>Newest revisions at the top</source>
        <translation>Neueste Revisionen oben</translation>
    </message>
    <message>
        <source>Newest revisions at the bottom</source>
        <translation>Neueste Revisionen unten</translation>
    </message>
    <message>
        <source>Compact</source>
        <translation>Kompakt</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Spacious</source>
        <translation>Großzügig</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>&amp;Richtung:</translation>
    </message>
    <message>
        <source>&amp;Spacing:</source>
        <translation>A&amp;bstand:</translation>
    </message>
    <message>
        <source>None: alembic is found as usual</source>
        <translation>Keiner: alembic wird wie üblich gesucht</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Runs alembic (python -m alembic) for projects that have no interpreter of their own (Run ▸ Python Interpreter…) and no .venv beside their configuration.</source>
        <translation>Führt alembic (python -m alembic) für Projekte aus, die keinen eigenen Interpreter (Ausführen ▸ Python-Interpreter…) und kein .venv neben ihrer Konfiguration haben.</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Default &amp;interpreter:</source>
        <translation>Standard-&amp;Interpreter:</translation>
    </message>
    <message>
        <source>Default Python Interpreter</source>
        <translation>Standard-Python-Interpreter</translation>
    </message>
</context>
<context>
    <name>retort::SqlPreviewController</name>
    <message>
        <source>This project&apos;s env.py could not run in offline mode (--sql), so there is no SQL to show. Alembic said: %1</source>
        <translation>Die env.py dieses Projekts konnte nicht im Offline-Modus (--sql) laufen, daher gibt es kein SQL zum Anzeigen. Alembic meldete: %1</translation>
    </message>
    <message>
        <source>Save SQL</source>
        <translation>SQL speichern</translation>
    </message>
    <message>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation>SQL-Dateien (*.sql);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>retort::SqlPreviewDialog</name>
    <message>
        <source>SQL Preview</source>
        <translation>SQL-Vorschau</translation>
    </message>
    <message>
        <source>Running alembic in offline mode…</source>
        <translation>alembic läuft im Offline-Modus…</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>Complete: this is the SQL alembic would run.</source>
        <translation>Vollständig: Dies ist das SQL, das alembic ausführen würde.</translation>
    </message>
    <message>
        <source>SQL as %1 writes it.</source>
        <translation>SQL, wie %1 es schreibt.</translation>
    </message>
</context>
<context>
    <name>retort::StairwayController</name>
    <message>
        <source>Run &amp;Stairway…</source>
        <translation>&amp;Stairway ausführen…</translation>
    </message>
    <message>
        <source>On a scratch database, upgrade to every revision, downgrade it and upgrade again: proves every downgrade (runs the project&apos;s code)</source>
        <translation>Auf einer Wegwerfdatenbank für jede Revision ein Upgrade, ein Downgrade und erneut ein Upgrade ausführen: beweist jedes Downgrade (führt den Code des Projekts aus)</translation>
    </message>
    <message>
        <source>Stop Stair&amp;way</source>
        <translation>Stair&amp;way stoppen</translation>
    </message>
    <message>
        <source>Stop the stairway that is running</source>
        <translation>Den laufenden Stairway-Lauf stoppen</translation>
    </message>
    <message>
        <source>Run Stairway</source>
        <translation>Stairway ausführen</translation>
    </message>
    <message>
        <source>Planning the stairway…</source>
        <translation>Stairway-Lauf wird geplant…</translation>
    </message>
    <message>
        <source>The stairway cannot be planned: %1</source>
        <translation>Der Stairway-Lauf kann nicht geplant werden: %1</translation>
    </message>
    <message>
        <source>There is no profile “%1” any more.</source>
        <translation>Es gibt kein Profil „%1“ mehr.</translation>
    </message>
    <message>
        <source>“%1” is not a scratch database: %2</source>
        <translation>„%1“ ist keine Wegwerfdatenbank: %2</translation>
    </message>
    <message>
        <source>mark it scratch in its profile first.</source>
        <translation>markieren Sie sie zuerst in ihrem Profil als Wegwerfdatenbank.</translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation>„%1“ (%2)</translation>
    </message>
    <message>
        <source>Reading the version table of “%1”…</source>
        <translation>Versionstabelle von „%1“ wird gelesen…</translation>
    </message>
    <message>
        <source>Running the stairway on %1…</source>
        <translation>Stairway-Lauf auf %1 läuft…</translation>
    </message>
    <message>
        <source>Starting the stairway…</source>
        <translation>Stairway-Lauf wird gestartet…</translation>
    </message>
    <message>
        <source>Stairway: %1 %2 (revision %3 of %4)</source>
        <translation>Stairway: %1 %2 (Revision %3 von %4)</translation>
    </message>
    <message>
        <source>✓ %1 %2: upgrade, downgrade and upgrade again</source>
        <translation>✓ %1 %2: Upgrade, Downgrade und erneut Upgrade</translation>
    </message>
    <message>
        <source>The stairway passed, but %1 does not hold the heads afterwards (%2): the project&apos;s env.py does not use the sqlalchemy.url it is given, so alembic ran against the database env.py chooses.</source>
        <translation>Der Stairway-Lauf war erfolgreich, aber %1 steht danach nicht auf den Köpfen (%2): Die env.py des Projekts verwendet nicht die ihr übergebene sqlalchemy.url, daher lief alembic gegen die Datenbank, die env.py wählt.</translation>
    </message>
    <message>
        <source>Stairway failed</source>
        <translation>Stairway fehlgeschlagen</translation>
    </message>
    <message>
        <source>Stopping the stairway: alembic is asked to end, and killed if it does not.</source>
        <translation>Stairway-Lauf wird gestoppt: alembic wird aufgefordert, sich zu beenden, und andernfalls abgeschossen.</translation>
    </message>
    <message>
        <source>▶ Stairway on %1: revisions %2, alembic commands %3</source>
        <translation>▶ Stairway auf %1: Revisionen %2, alembic-Befehle %3</translation>
    </message>
    <message>
        <source>Stairway stopped; revisions passed before the stop: %1.</source>
        <translation>Stairway gestoppt; vor dem Stopp bestandene Revisionen: %1.</translation>
    </message>
</context>
<context>
    <name>retort::StairwayDialog</name>
    <message>
        <source>Run Stairway</source>
        <translation>Stairway ausführen</translation>
    </message>
    <message numerus="yes">
        <source>Stairway proves every downgrade before production needs it: for each of the %n revision(s), in alembic&apos;s upgrade order, it upgrades to the revision, downgrades exactly that revision and upgrades again, and stops at the first failure.</source>
        <translation>
            <numerusform>Stairway beweist jedes Downgrade, bevor die Produktion es braucht: Für die %n Revision wird in alembics Upgrade-Reihenfolge ein Upgrade auf die Revision, ein Downgrade genau dieser Revision und erneut ein Upgrade ausgeführt; beim ersten Fehler wird gestoppt.</numerusform>
            <numerusform>Stairway beweist jedes Downgrade, bevor die Produktion es braucht: Für jede der %n Revisionen wird in alembics Upgrade-Reihenfolge ein Upgrade auf die Revision, ein Downgrade genau dieser Revision und erneut ein Upgrade ausgeführt; beim ersten Fehler wird gestoppt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;This runs the project&apos;s own code&lt;/b&gt; (env.py and every migration): %n alembic command(s), in one process.</source>
        <translation>
            <numerusform>&lt;b&gt;Dies führt den eigenen Code des Projekts aus&lt;/b&gt; (env.py und jede Migration): %n alembic-Befehl in einem Prozess.</numerusform>
            <numerusform>&lt;b&gt;Dies führt den eigenen Code des Projekts aus&lt;/b&gt; (env.py und jede Migration): %n alembic-Befehle in einem Prozess.</numerusform>
        </translation>
    </message>
    <message>
        <source>A temporary SQLite file (removed afterwards)</source>
        <translation>Eine temporäre SQLite-Datei (wird danach entfernt)</translation>
    </message>
    <message>
        <source>Scratch profile “%1”</source>
        <translation>Wegwerfprofil „%1“</translation>
    </message>
    <message>
        <source>No profile is marked scratch: mark an empty throwaway database as scratch in its profile to run Stairway on PostgreSQL or MariaDB. The project&apos;s own database and every other profile are never touched.</source>
        <translation>Kein Profil ist als Wegwerfdatenbank markiert: Markieren Sie eine leere Datenbank, die verworfen werden darf, in ihrem Profil als Wegwerfdatenbank, um Stairway auf PostgreSQL oder MariaDB auszuführen. Die eigene Datenbank des Projekts und alle anderen Profile werden nie angetastet.</translation>
    </message>
    <message>
        <source>A scratch database must be at base (its version table empty); it is left at the heads afterwards. The project&apos;s own database and every other profile are never touched.</source>
        <translation>Eine Wegwerfdatenbank muss auf Basis stehen (ihre Versionstabelle leer); danach steht sie auf den Köpfen. Die eigene Datenbank des Projekts und alle anderen Profile werden nie angetastet.</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;Run Stairway</source>
        <translation>Stairway &amp;ausführen</translation>
    </message>
</context>
<context>
    <name>retort::StairwayPlanner</name>
    <message>
        <source>Alembic cannot plan `upgrade heads` from an empty database: %1</source>
        <translation>Alembic kann `upgrade heads` nicht ausgehend von einer leeren Datenbank planen: %1</translation>
    </message>
    <message>
        <source>Cannot plan `upgrade %1` from %2: %3</source>
        <translation>`upgrade %1` kann nicht ausgehend von %2 geplant werden: %3</translation>
    </message>
    <message>
        <source>`upgrade %1` would run %2 instead of %1 alone; the stairway cannot check this revision by itself.</source>
        <translation>`upgrade %1` würde %2 ausführen statt nur %1; der Stairway-Lauf kann diese Revision nicht für sich allein prüfen.</translation>
    </message>
    <message>
        <source>No downgrade takes the database from %1 back to %2 (removing %3 alone): %4</source>
        <translation>Kein Downgrade bringt die Datenbank von %1 zurück auf %2 (wobei nur %3 entfernt wird): %4</translation>
    </message>
    <message>
        <source>base</source>
        <translation>Basis</translation>
    </message>
    <message numerus="yes">
        <source>No single downgrade removes %1 alone (the planner found %n command(s)); the stairway cannot check this revision by itself.</source>
        <translation>
            <numerusform>Kein einzelnes Downgrade entfernt nur %1 (der Planer fand %n Befehl); der Stairway-Lauf kann diese Revision nicht für sich allein prüfen.</numerusform>
            <numerusform>Kein einzelnes Downgrade entfernt nur %1 (der Planer fand %n Befehle); der Stairway-Lauf kann diese Revision nicht für sich allein prüfen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retort::StairwayProgress</name>
    <message>
        <source>alembic ended after %1 of %2 commands without saying why.</source>
        <translation>alembic wurde nach %1 von %2 Befehlen beendet, ohne einen Grund zu nennen.</translation>
    </message>
    <message>
        <source>alembic ended without saying why.</source>
        <translation>alembic wurde beendet, ohne einen Grund zu nennen.</translation>
    </message>
    <message>
        <source>(before the first revision)</source>
        <translation>(vor der ersten Revision)</translation>
    </message>
    <message>
        <source>Stairway: %1 of %2 revisions checked.</source>
        <translation>Stairway: %1 von %2 Revisionen geprüft.</translation>
    </message>
    <message>
        <source>Stairway failed at %1 (upgrade %2) after %3 of %4 revisions passed: %5</source>
        <translation>Stairway fehlgeschlagen bei %1 (upgrade %2), nachdem %3 von %4 Revisionen bestanden hatten: %5</translation>
    </message>
    <message>
        <source>Stairway failed at %1 (downgrade %2) after %3 of %4 revisions passed: %5</source>
        <translation>Stairway fehlgeschlagen bei %1 (downgrade %2), nachdem %3 von %4 Revisionen bestanden hatten: %5</translation>
    </message>
    <message>
        <source>Stairway passed: every revision (%1) upgrades, downgrades and upgrades again.</source>
        <translation>Stairway bestanden: Jede Revision (%1) besteht Upgrade, Downgrade und erneutes Upgrade.</translation>
    </message>
</context>
<context>
    <name>retort::TableTimelineView</name>
    <message>
        <source>Filter tables and columns…</source>
        <translation>Tabellen und Spalten filtern…</translation>
    </message>
    <message>
        <source>Filter tables and columns</source>
        <translation>Tabellen und Spalten filtern</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Table / event</source>
        <translation>Tabelle / Ereignis</translation>
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
        <source>Open Script at &amp;Line</source>
        <translation>Skript an der &amp;Zeile öffnen</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>The migrations&apos; upgrade() functions create or alter no table that Retort could read.</source>
        <translation>Die upgrade()-Funktionen der Migrationen erstellen oder ändern keine Tabelle, die Retort lesen konnte.</translation>
    </message>
    <message>
        <source>created</source>
        <translation>erstellt</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>renamed to %1</source>
        <translation>umbenannt in %1</translation>
    </message>
    <message>
        <source>column %1 added</source>
        <translation>Spalte %1 hinzugefügt</translation>
    </message>
    <message>
        <source>column %1 dropped</source>
        <translation>Spalte %1 gelöscht</translation>
    </message>
    <message>
        <source>column %1 altered</source>
        <translation>Spalte %1 geändert</translation>
    </message>
    <message>
        <source>column %1 renamed to %2</source>
        <translation>Spalte %1 umbenannt in %2</translation>
    </message>
    <message>
        <source>index created</source>
        <translation>Index erstellt</translation>
    </message>
    <message>
        <source>index dropped</source>
        <translation>Index gelöscht</translation>
    </message>
    <message>
        <source>foreign key created</source>
        <translation>Fremdschlüssel erstellt</translation>
    </message>
    <message>
        <source>unique constraint created</source>
        <translation>Unique-Constraint erstellt</translation>
    </message>
    <message>
        <source>check constraint created</source>
        <translation>Check-Constraint erstellt</translation>
    </message>
    <message>
        <source>primary key created</source>
        <translation>Primärschlüssel erstellt</translation>
    </message>
    <message>
        <source>constraint dropped</source>
        <translation>Constraint gelöscht</translation>
    </message>
    <message>
        <source>comment set</source>
        <translation>Kommentar gesetzt</translation>
    </message>
    <message>
        <source>comment dropped</source>
        <translation>Kommentar entfernt</translation>
    </message>
    <message>
        <source>rows inserted</source>
        <translation>Zeilen eingefügt</translation>
    </message>
    <message>
        <source>raw SQL</source>
        <translation>rohes SQL</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>nicht gelesen</translation>
    </message>
    <message>
        <source>%1 on column %2</source>
        <translation>%1 auf Spalte %2</translation>
    </message>
    <message>
        <source>not created by a migration Retort read</source>
        <translation>nicht von einer Migration erstellt, die Retort gelesen hat</translation>
    </message>
    <message>
        <source>created in %1</source>
        <translation>erstellt in %1</translation>
    </message>
    <message>
        <source>dropped in %1</source>
        <translation>gelöscht in %1</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>%1, with column %2</source>
        <translation>%1, mit Spalte %2</translation>
    </message>
    <message>
        <source>%1, with columns %2</source>
        <translation>%1, mit Spalten %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <comment>event on columns</comment>
        <translation>%1 auf %2</translation>
    </message>
    <message numerus="yes">
        <source>%n table</source>
        <translation>
            <numerusform>%n Tabelle</numerusform>
            <numerusform>%n Tabellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tables</source>
        <translation>
            <numerusform>%n Tabelle</numerusform>
            <numerusform>%n Tabellen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>&amp;Select Revision</source>
        <translation>Revision &amp;auswählen</translation>
    </message>
</context>
<context>
    <name>retort::UserGuideViewer</name>
    <message>
        <source>Retort User Guide</source>
        <translation>Retort-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>The user guide could not be read: %1 (%2)</source>
        <translation>Das Benutzerhandbuch konnte nicht gelesen werden: %1 (%2)</translation>
    </message>
    <message>
        <source>The user guide is not installed. Retort looked for it here:

%1

Set RETORT_DOCS_DIR to the folder that holds user-guide.md.</source>
        <translation>Das Benutzerhandbuch ist nicht installiert. Retort hat hier danach gesucht:

%1

Setzen Sie RETORT_DOCS_DIR auf den Ordner, der user-guide.md enthält.</translation>
    </message>
</context>
<context>
    <name>retort::WelcomePage</name>
    <message>
        <source>%1 (missing)</source>
        <comment>recent project that is gone</comment>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <source>Retort</source>
        <translation>Retort</translation>
    </message>
    <message>
        <source>A desktop workbench for Alembic migrations: the revision graph, the scripts, and where each database stands.</source>
        <translation>Eine Werkbank für Alembic-Migrationen: der Revisionsgraph, die Skripte und der Stand jeder Datenbank.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>&amp;Projekt öffnen…</translation>
    </message>
    <message>
        <source>Open an alembic.ini or pyproject.toml (Ctrl+O)</source>
        <translation>Eine alembic.ini oder pyproject.toml öffnen (Strg+O)</translation>
    </message>
    <message>
        <source>Open the De&amp;mo</source>
        <translation>De&amp;mo öffnen</translation>
    </message>
    <message>
        <source>Open the demo project that comes with Retort</source>
        <translation>Das mit Retort mitgelieferte Demoprojekt öffnen</translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation>&amp;Erste Schritte</translation>
    </message>
    <message>
        <source>A short walk through the window on the demo project</source>
        <translation>Ein kurzer Rundgang durch das Fenster anhand des Demoprojekts</translation>
    </message>
    <message>
        <source>You can also drop an alembic.ini, a pyproject.toml or a project folder on this window.</source>
        <translation>Sie können auch eine alembic.ini, eine pyproject.toml oder einen Projektordner in dieses Fenster ziehen.</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <source>Re&amp;cent Projects</source>
        <translation>&amp;Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <source>Projects you open are listed here.</source>
        <translation>Hier werden die Projekte aufgeführt, die Sie öffnen.</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <comment>recent project: path [section]</comment>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>%1, missing: %2</source>
        <translation>%1, fehlt: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not found. Press Delete to remove it from the list.</source>
        <translation>Nicht gefunden. Drücken Sie Entf, um es aus der Liste zu entfernen.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Remove from List</source>
        <translation>Aus der Liste &amp;entfernen</translation>
    </message>
</context>
<context>
    <name>retort::cli</name>
    <message>
        <source>retort-cli: unexpected argument &apos;%1&apos;</source>
        <translation>retort-cli: unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>option %1 needs a value</source>
        <translation>Option %1 braucht einen Wert</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;</source>
        <translation>unbekannte Option &apos;%1&apos;</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>kein Befehl angegeben</translation>
    </message>
    <message>
        <source>retort-cli: unknown command &apos;%1&apos;</source>
        <translation>retort-cli: unbekannter Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>retort-cli: graph needs --json (the only format so far)</source>
        <translation>retort-cli: graph braucht --json (bisher das einzige Format)</translation>
    </message>
    <message>
        <source>retort-cli: %1 has no --json form; use graph --json</source>
        <translation>retort-cli: %1 hat keine --json-Form; verwenden Sie graph --json</translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s), no problems found.</source>
        <translation>
            <numerusform>%n Revision, keine Probleme gefunden.</numerusform>
            <numerusform>%n Revisionen, keine Probleme gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>retort-cli current: %1 needs a value</source>
        <translation>retort-cli current: %1 braucht einen Wert</translation>
    </message>
    <message>
        <source>retort-cli current: unexpected argument &quot;%1&quot;
usage: retort-cli current [--url URL] [--version-table T] [--version-table-schema S]</source>
        <translation>retort-cli current: unerwartetes Argument &quot;%1&quot;
Aufruf: retort-cli current [--url URL] [--version-table T] [--version-table-schema S]</translation>
    </message>
    <message>
        <source>No database URL: set sqlalchemy.url in %1 or pass --url</source>
        <translation>Keine Datenbank-URL: Setzen Sie sqlalchemy.url in %1 oder übergeben Sie --url</translation>
    </message>
    <message>
        <source>retort-cli current: URL options not applied: %1</source>
        <translation>retort-cli current: URL-Optionen nicht angewendet: %1</translation>
    </message>
    <message>
        <source>usage: retort-cli export --format dot|svg|png -o FILE</source>
        <translation>Aufruf: retort-cli export --format dot|svg|png -o FILE</translation>
    </message>
    <message>
        <source>retort-cli: %1 needs a value</source>
        <translation>retort-cli: %1 braucht einen Wert</translation>
    </message>
    <message>
        <source>retort-cli: export: unexpected argument %1</source>
        <translation>retort-cli: export: unerwartetes Argument %1</translation>
    </message>
    <message>
        <source>retort-cli: export: unknown format &apos;%1&apos;</source>
        <translation>retort-cli: export: unbekanntes Format &apos;%1&apos;</translation>
    </message>
    <message>
        <source>retort-cli: export: the project has no revisions to draw</source>
        <translation>retort-cli: export: Das Projekt hat keine Revisionen zum Zeichnen</translation>
    </message>
    <message>
        <source>retort-cli: plan: unknown option %1</source>
        <translation>retort-cli: plan: unbekannte Option %1</translation>
    </message>
    <message numerus="yes">
        <source>retort-cli: alembic cannot load this project (%n problem(s) below); every alembic command would fail until they are fixed:</source>
        <translation>
            <numerusform>retort-cli: alembic kann dieses Projekt nicht laden (%n Problem, siehe unten); jeder alembic-Befehl würde fehlschlagen, bis es behoben ist:</numerusform>
            <numerusform>retort-cli: alembic kann dieses Projekt nicht laden (%n Probleme, siehe unten); jeder alembic-Befehl würde fehlschlagen, bis sie behoben sind:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>retort-cli: warning: alembic loads this project, but Retort could not read %n value(s); the answer leaves them out:</source>
        <translation>
            <numerusform>retort-cli: Warnung: alembic lädt dieses Projekt, aber Retort konnte %n Wert nicht lesen; die Antwort lässt ihn aus:</numerusform>
            <numerusform>retort-cli: Warnung: alembic lädt dieses Projekt, aber Retort konnte %n Werte nicht lesen; die Antwort lässt sie aus:</numerusform>
        </translation>
    </message>
    <message>
        <source>retort-cli: plan: give one of --current, --at-base or --url</source>
        <translation>retort-cli: plan: Geben Sie eine der Optionen --current, --at-base oder --url an</translation>
    </message>
    <message>
        <source>retort-cli: plan: --purge goes with stamp</source>
        <translation>retort-cli: plan: --purge gehört zu stamp</translation>
    </message>
    <message>
        <source>retort-cli: no database URL: set sqlalchemy.url in the ini, pass --url URL, or describe the state with --current REV or --at-base</source>
        <translation>retort-cli: Keine Datenbank-URL: Setzen Sie sqlalchemy.url in der ini, übergeben Sie --url URL oder beschreiben Sie den Stand mit --current REV oder --at-base</translation>
    </message>
    <message>
        <source>at base (no version rows)</source>
        <translation>auf Basis (keine Versionszeilen)</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>planned from the database %1, %2</source>
        <translation>geplant ausgehend von der Datenbank %1, %2</translation>
    </message>
    <message>
        <source>planned from the rows given with --current, %1</source>
        <translation>geplant ausgehend von den mit --current angegebenen Zeilen, %1</translation>
    </message>
    <message>
        <source>planned from an empty database (--at-base)</source>
        <translation>geplant ausgehend von einer leeren Datenbank (--at-base)</translation>
    </message>
    <message>
        <source>retort-cli: %1 takes a version such as 1.13.2, not &apos;%2&apos;</source>
        <translation>retort-cli: %1 erwartet eine Version wie 1.13.2, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>usage: retort-cli plan {upgrade|downgrade|stamp} TARGET [--current REV]... | [--at-base] | [--url [URL]] [--purge] [--alembic-version X.Y.Z] [--json]</source>
        <translation>Aufruf: retort-cli plan {upgrade|downgrade|stamp} TARGET [--current REV]... | [--at-base] | [--url [URL]] [--purge] [--alembic-version X.Y.Z] [--json]</translation>
    </message>
    <message>
        <source>retort-cli: alembic keeps the depends_on of %1 in a Python set: the order of these steps may differ from run to run</source>
        <translation>retort-cli: alembic hält die depends_on von %1 in einer Python-Menge: die Reihenfolge dieser Schritte kann von Lauf zu Lauf abweichen</translation>
    </message>
    <message>
        <source>retort-cli: the SQLite file %1 does not exist: at base (alembic would create it on its first run)</source>
        <translation>retort-cli: die SQLite-Datei %1 existiert nicht: auf Basis (alembic würde sie beim ersten Lauf anlegen)</translation>
    </message>
    <message>
        <source>retort-cli: unknown option %1</source>
        <translation>retort-cli: unbekannte Option %1</translation>
    </message>
    <message>
        <source>%1: not defined</source>
        <translation>%1: nicht definiert</translation>
    </message>
    <message>
        <source>%1 (line %2):</source>
        <translation>%1 (Zeile %2):</translation>
    </message>
    <message>
        <source>(empty: does nothing)</source>
        <translation>(leer: tut nichts)</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Raises %1</source>
        <translation>Löst %1 aus</translation>
    </message>
    <message>
        <source>usage: retort-cli ops REV [--json]</source>
        <translation>Aufruf: retort-cli ops REV [--json]</translation>
    </message>
    <message>
        <source>Revision %1: %2</source>
        <translation>Revision %1: %2</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>usage: retort-cli tables [--json]</source>
        <translation>Aufruf: retort-cli tables [--json]</translation>
    </message>
    <message>
        <source>renamed from %1</source>
        <translation>umbenannt von %1</translation>
    </message>
    <message>
        <source>not created by a migration Retort read</source>
        <translation>nicht von einer Migration erstellt, die Retort gelesen hat</translation>
    </message>
    <message>
        <source>created in %1</source>
        <translation>erstellt in %1</translation>
    </message>
    <message>
        <source>renamed to %1</source>
        <translation>umbenannt in %1</translation>
    </message>
    <message>
        <source>dropped in %1</source>
        <translation>gelöscht in %1</translation>
    </message>
    <message>
        <source>No migration Retort read creates or changes a table.</source>
        <translation>Keine von Retort gelesene Migration erstellt oder ändert eine Tabelle.</translation>
    </message>
    <message>
        <source>usage: retort-cli schema [--at TARGET] [--json]</source>
        <translation>Aufruf: retort-cli schema [--at TARGET] [--json]</translation>
    </message>
    <message numerus="yes">
        <source>Schema after `alembic upgrade %1` from an empty database, at %2: %n table(s)</source>
        <translation>
            <numerusform>Schema nach `alembic upgrade %1` ausgehend von einer leeren Datenbank, bei %2: %n Tabelle</numerusform>
            <numerusform>Schema nach `alembic upgrade %1` ausgehend von einer leeren Datenbank, bei %2: %n Tabellen</numerusform>
        </translation>
    </message>
    <message>
        <source>base</source>
        <translation>Basis</translation>
    </message>
    <message numerus="yes">
        <source>Retort could not know %n place(s); the schema above leaves them out:</source>
        <translation>
            <numerusform>Retort konnte %n Stelle nicht bestimmen; das Schema oben lässt sie aus:</numerusform>
            <numerusform>Retort konnte %n Stellen nicht bestimmen; das Schema oben lässt sie aus:</numerusform>
        </translation>
    </message>
    <message>
        <source>usage: retort-cli [-c CONFIG] [-n SECTION] COMMAND [options]

Reads an Alembic project without running Python (except stairway).

commands:
  graph --json      the revision graph as JSON
  heads             the head revisions, one id per line, sorted
  history           every revision, newest first, as alembic prints it
                    (heads, history and plan exit 1 where alembic could not
                    load the project, with the reasons on stderr)
  lint [--json]     the diagnostics, and warnings about downgrades that lose
                    data or undo nothing; exit status 1 when there are errors
  current [--url URL] [--version-table T] [--version-table-schema S]
                    the ids in the database&apos;s version table, sorted
  plan {upgrade|downgrade} TARGET [--current REV]... | [--at-base] | [--url URL]
       [--json]     the steps alembic would run, in order (TARGET as alembic
                    takes it: heads, base, ae10, label@head, +1, -1, ...),
                    from the project&apos;s database unless --current rows or
                    --at-base describe another state
  plan stamp TARGET... [--current REV]... [--purge] [--json]
                    the version rows `alembic stamp` would leave
  compare --url A (--url B | --revision REV) [--json]
                    what each of two databases has applied that the other
                    has not, and the alembic commands that bring A to
                    exactly where B stands (or to REV)
  export --format dot|svg|png -o FILE   the graph as a picture (same layout as the window)
  ops REV [--json]  what the revision&apos;s upgrade() and downgrade() do, read
                    without running them (REV: an id, a prefix or a label)
  tables [--json]   every table the migrations touch, with the revisions that
                    create, change, rename and drop it
  schema [--at TARGET] [--json]
                    the tables and columns after `alembic upgrade TARGET` from
                    an empty database (default: heads), and what Retort could
                    not know (raw SQL, code it does not read)
  stairway [--url URL] [--json]
                    RUNS alembic (the project&apos;s env.py and migrations): on a
                    scratch database, upgrade to every revision in alembic&apos;s
                    order, downgrade it and upgrade it again; stops at the first
                    failure (exit status 1). Without --url a temporary SQLite
                    file, removed afterwards; the project&apos;s own database is never
                    touched. --url must name an empty scratch database (its
                    version table empty or missing); any other is refused

options:
  -c, --config FILE   alembic.ini or pyproject.toml (default: ./alembic.ini)
  -n, --name SECTION  the ini section to use (default: alembic)
  --alembic-version X.Y.Z   read and plan as that alembic does (graph, heads,
                      history, lint, plan); by default the version installed
                      for the project is read from its files, else the newest
                      rules Retort knows are used
  --version           print the version
  -h, --help          print this help
</source>
        <translation>Aufruf: retort-cli [-c CONFIG] [-n SECTION] COMMAND [options]

Liest ein Alembic-Projekt, ohne Python auszuführen (außer stairway).

Befehle:
  graph --json      der Revisionsgraph als JSON
  heads             die Kopf-Revisionen, eine Id pro Zeile, sortiert
  history           jede Revision, die neueste zuerst, wie alembic sie ausgibt
                    (heads, history und plan enden mit Status 1, wenn alembic
                    das Projekt nicht laden konnte, die Gründe stehen auf stderr)
  lint [--json]     die Befunde und Warnungen zu Downgrades, die Daten verlieren
                    oder nichts rückgängig machen; Exit-Status 1 bei Fehlern
  current [--url URL] [--version-table T] [--version-table-schema S]
                    die Ids in der Versionstabelle der Datenbank, sortiert
  plan {upgrade|downgrade} TARGET [--current REV]... | [--at-base] | [--url URL]
       [--json]     die Schritte, die alembic ausführen würde, in Reihenfolge
                    (TARGET wie alembic es annimmt: heads, base, ae10,
                    label@head, +1, -1, ...), ausgehend von der Datenbank des
                    Projekts, sofern nicht --current-Zeilen oder --at-base einen
                    anderen Stand beschreiben
  plan stamp TARGET... [--current REV]... [--purge] [--json]
                    die Versionszeilen, die `alembic stamp` hinterlassen würde
  compare --url A (--url B | --revision REV) [--json]
                    was jede von zwei Datenbanken angewendet hat und die
                    andere nicht, und die alembic-Befehle, die A genau dorthin
                    bringen, wo B steht (oder auf REV)
  export --format dot|svg|png -o FILE   der Graph als Bild (gleiches Layout wie im Fenster)
  ops REV [--json]  was upgrade() und downgrade() der Revision tun, gelesen, ohne
                    sie auszuführen (REV: eine Id, ein Präfix oder ein Label)
  tables [--json]   jede Tabelle, die die Migrationen berühren, mit den
                    Revisionen, die sie erstellen, ändern, umbenennen und löschen
  schema [--at TARGET] [--json]
                    die Tabellen und Spalten nach `alembic upgrade TARGET`
                    ausgehend von einer leeren Datenbank (Standard: heads), und
                    was Retort nicht bestimmen konnte (rohes SQL, Code, den es
                    nicht liest)
  stairway [--url URL] [--json]
                    FÜHRT alembic AUS (env.py und Migrationen des Projekts): auf
                    einer Wegwerfdatenbank für jede Revision in alembics
                    Reihenfolge ein Upgrade, ein Downgrade und erneut ein
                    Upgrade; stoppt beim ersten Fehler (Exit-Status 1). Ohne
                    --url eine temporäre SQLite-Datei, die danach entfernt wird;
                    die eigene Datenbank des Projekts wird nie angetastet. --url
                    muss eine leere Wegwerfdatenbank nennen (Versionstabelle
                    leer oder nicht vorhanden); jede andere wird abgelehnt

Optionen:
  -c, --config FILE   alembic.ini oder pyproject.toml (Standard: ./alembic.ini)
  -n, --name SECTION  der zu verwendende ini-Abschnitt (Standard: alembic)
  --alembic-version X.Y.Z   lesen und planen wie diese alembic-Version (graph,
                      heads, history, lint, plan); standardmäßig wird die für
                      das Projekt installierte Version aus dessen Dateien
                      gelesen, sonst gelten die neuesten Regeln, die Retort kennt
  --version           die Version ausgeben
  -h, --help          diese Hilfe ausgeben
</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>%1 (at base)</source>
        <translation>%1 (auf Basis)</translation>
    </message>
    <message>
        <source>%1 (at %2)</source>
        <translation>%1 (auf %2)</translation>
    </message>
    <message>
        <source>usage: retort-cli compare --url A (--url B | --revision REV) [--alembic-version X.Y.Z] [--json]</source>
        <translation>Aufruf: retort-cli compare --url A (--url B | --revision REV) [--alembic-version X.Y.Z] [--json]</translation>
    </message>
    <message>
        <source>retort-cli: compare: unexpected argument %1</source>
        <translation>retort-cli: compare: unerwartetes Argument %1</translation>
    </message>
    <message>
        <source>A is %1</source>
        <translation>A ist %1</translation>
    </message>
    <message>
        <source>B is %1</source>
        <translation>B ist %1</translation>
    </message>
    <message>
        <source>in sync: both have the same revisions applied</source>
        <translation>synchron: beide haben dieselben Revisionen angewendet</translation>
    </message>
    <message>
        <source>only in A (%1):</source>
        <translation>nur in A (%1):</translation>
    </message>
    <message>
        <source>only in A: none</source>
        <translation>nur in A: keine</translation>
    </message>
    <message>
        <source>only in B (%1):</source>
        <translation>nur in B (%1):</translation>
    </message>
    <message>
        <source>only in B: none</source>
        <translation>nur in B: keine</translation>
    </message>
    <message>
        <source>to bring A to B, run in order:</source>
        <translation>um A auf den Stand von B zu bringen, in dieser Reihenfolge ausführen:</translation>
    </message>
    <message>
        <source>usage: retort-cli stairway [--url URL] [--alembic-version X.Y.Z] [--json]</source>
        <translation>Aufruf: retort-cli stairway [--url URL] [--alembic-version X.Y.Z] [--json]</translation>
    </message>
    <message>
        <source>retort-cli: stairway: --url needs a URL</source>
        <translation>retort-cli: stairway: --url braucht eine URL</translation>
    </message>
    <message>
        <source>retort-cli: stairway: unexpected argument &apos;%1&apos;</source>
        <translation>retort-cli: stairway: unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message numerus="yes">
        <source>retort-cli: stairway on %1: %n revision(s), %2 alembic commands; this runs the project&apos;s env.py and migrations</source>
        <translation>
            <numerusform>retort-cli: stairway auf %1: %n Revision, %2 alembic-Befehle; dies führt die env.py und die Migrationen des Projekts aus</numerusform>
            <numerusform>retort-cli: stairway auf %1: %n Revisionen, %2 alembic-Befehle; dies führt die env.py und die Migrationen des Projekts aus</numerusform>
        </translation>
    </message>
    <message>
        <source>the stairway passed, but %1 does not hold the heads afterwards (%2): the project&apos;s env.py does not use the sqlalchemy.url it is given, so alembic ran against the database env.py chooses</source>
        <translation>der Stairway-Lauf war erfolgreich, aber %1 steht danach nicht auf den Köpfen (%2): Die env.py des Projekts verwendet nicht die ihr übergebene sqlalchemy.url, daher lief alembic gegen die Datenbank, die env.py wählt</translation>
    </message>
    <message>
        <source>retort-cli: alembic&apos;s output for %1 %2:</source>
        <translation>retort-cli: Ausgabe von alembic für %1 %2:</translation>
    </message>
</context>
<context>
    <name>saveTextFile</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
</TS>
