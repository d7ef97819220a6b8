<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>Error</name>
    <message>
        <source>the walk ended without an answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SegmentSandbox</name>
    <message>
        <source>--%1 needs a whole number of at least %2, not &quot;%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plays the list-segments APIs of Batch, LaunchDarkly, Amperity and SailPoint on 127.0.0.1,
with deterministic data and faults on demand. Runs until killed.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port to listen on (0: any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments each vendor lists (default 1000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay every answer by MS milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault rules, see above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPEC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LaunchDarkly sends at most N segments a page (0: no cap).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SailPoint access tokens live S seconds (default 3600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not print a line for every request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1:%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (fault)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch         base %1/2.11  REST key %2  project %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LaunchDarkly  base %1  token %2  project %3  environment %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amperity      base %1/api  tenant %2  token %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SailPoint     base %1/v3  token URL %1/oauth/token  client id %2  client secret %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve the same account N steps later (0: today&apos;s data, at most %1): some segments removed, renamed, edited or changed in bookkeeping only, some added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--epoch goes up to %1, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch %1: the same account later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The segments served: demo (a plausible company&apos;s accounts) or faults (the awkward test corpus the tests and benchmarks use). Default demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--data is demo or faults, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data set: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb</name>
    <message>
        <source>Bad fault rule &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected TARGET:FAULT, e.g. batch:503@first2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown target &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;@%1&quot; is not N, firstN, everyN or afterN (N &gt;= 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown fault &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes no &quot;=&quot; value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token expired on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token expires in 1 day, on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token expires in %1 days, on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token expires in 1 hour, on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token expires in %1 hours, on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token expires in less than an hour, on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported sort field &quot;%1&quot;; use name, creationDate or lastModified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;huge&quot; is at most %1 megabytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a column: use %2, or a field of the vendors&apos; records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the column &apos;%1&apos; is named twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to standard output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: it is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::AmperityApi</name>
    <message>
        <source>Tenant ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::AmperityEndpoint</name>
    <message>
        <source>Authentication required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error occurred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amperity-tenant header is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not authorized.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The api-version header is required, for example 2024-04-01.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported api-version &quot;%1&quot;; supported: 2024-04-01.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit must be a positive integer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with_total must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next_token cannot be empty; leave it out for the first page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next_token is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::App</name>
    <message>
        <source>Segment Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse and export audience segments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on the built-in sandbox, one profile per vendor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments per vendor in the demo sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start the demo sandbox on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: these profiles read made-up segments from the built-in sandbox on %1. Nothing leaves this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo sandbox&apos;s segments: demo (a plausible company&apos;s accounts, the default) or faults (the awkward test corpus: scripts, quotes, formulas, HTML).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-data is demo or faults, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the snapshots in URL: a file, or a team&apos;s catalog (postgresql://host/db). Otherwise SEGMENT_BROWSER_STORE, the settings (segment-browser store use), or the local file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog&apos;s password could not be kept in the keychain; it is used until Segment Browser closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store chosen for Segment Browser cannot be used: %1. Snapshots are kept in this computer&apos;s file meanwhile; File &gt; Segment Store… chooses another.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::BatchApi</name>
    <message>
        <source>Project key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;has_more&apos; is not true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;has_more&apos; is true but &apos;next_from&apos; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::BatchEndpoint</name>
    <message>
        <source>The REST API Key is not valid for this project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only GET is allowed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests, please slow down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch&apos;s services are under maintenance. Please try again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The X-Batch-Project header is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit must be an integer between 1 and 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from is not a cursor this API returned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ChangesModel</name>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed fields</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ChangesView</name>
    <message>
        <source>Changes of the last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync of %1 changed nothing since the one before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync of %1: %2 added, %3 removed, %4 changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to the Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ColumnState</name>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Field…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A field of the %1 record, as the API names it (&quot;owner.name&quot; for a nested one):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a field name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::CompareDialog</name>
    <message>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;identical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;A:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;B:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 and %3 is %4: only profiles of one vendor compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 (%2)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 (%2): %3 of %4…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 (%2): %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 only in A · %2 only in B · %3 different · %4 identical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No differences: %1 identical segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the differences to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version of A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version of B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the vendor now, or compare a sync kept in the segment store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live from the vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 segments; the first sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 segments; %2 added, %3 removed, %4 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A: %1, %2 · B: %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::Comparison</name>
    <message>
        <source>Segment “%1” is listed twice in A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment “%1” is listed twice in B</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ComparisonModel</name>
    <message>
        <source>Only in A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only in B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Different</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differing fields</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ConnectionTest</name>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a vendor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1 first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret is stored for this profile; enter one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: 1 segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %1 segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: 1 segment on the first page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %1 segments on the first page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::CsvWriter</name>
    <message>
        <source>Could not write the CSV data: the file is not open for writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the CSV data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the CSV data: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::DetailPane</name>
    <message>
        <source>Select a segment to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules, owner and other parts of the segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: next match; Shift+Enter: previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment record as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the record as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in %1 web app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: no %1 use this segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::DetailSupport</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and 1 more (all are in the JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more (all are in the JSON)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::Error</name>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limited by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; retrying in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ErrorBanner</name>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the profile&apos;s key or token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is limiting requests; retry in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the connection and the API address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the profile&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;dit Profile…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::EstateModel</name>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::EstatePage</name>
    <message>
        <source>Re&amp;moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search every account: key, name, description, tags (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search every account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed in the last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed in the last %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments the syncs found removed, instead of those in the snapshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No local store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export which segments?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Selected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All that match (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export All Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled — nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Field…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A field of the vendors&apos; records, such as rules or owner.name (empty where a vendor&apos;s records have no such field):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a field path, or is shown already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments no %1 use, where the last sync could read that</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ExportJob</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server said %1 segments in all, but its pages held %2; all %2 were written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ExportOptionsDialog</name>
    <message>
        <source>Export Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All segments of the current query (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All segments of the current query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loaded segments (none loaded yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loaded segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 loaded segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected segments (none selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 selected segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns to export, in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the columns to export; drag them, or use Up and Down, to set their order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move column up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move column down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect against spreadsheet formulas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cells that begin with =, +, -, @ or a tab get a leading &apos; so that a spreadsheet shows them as text instead of running them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Byte order mark (for Excel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lets Excel recognise the file as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder. Enter a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already. Replace it when the export is complete?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a profile first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 column cannot be written: %2

Untick it, or reload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 are still being read. Export again in a moment, or untick the %1 column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written as the CSV column “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All segments of the snapshot (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ExportProgressDialog</name>
    <message>
        <source>1 segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder that holds the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written to %1; a file that was there is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not answered for %2 s; giving up in %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled — nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::FaultPlan</name>
    <message>
        <source>Empty fault rule in &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault rules, comma-separated:  TARGET:FAULT[=N][@WHEN]
  TARGET  batch, launchdarkly, amperity, sailpoint (the segment lists),
          launchdarkly-projects (projects and environments), launchdarkly-flags,
          sailpoint-token (POST /oauth/token), all (every list but the token)
  FAULT   latency=MS   answer MS milliseconds late (default 1000)
          401          the vendor&apos;s 401 (SailPoint: JWT is expired)
          429=S        the vendor&apos;s 429; SailPoint sends Retry-After: S,
                       LaunchDarkly X-Ratelimit-Reset: now + S s (default 1)
          500, 503     the vendor&apos;s error body; 502 an HTML page (text/html)
          drop         full Content-Length, half the body, then the connection closes
          malformed    the normal answer with a body that is not JSON
          truncated    the normal answer cut in half (Content-Length matches)
          drip=MS      the body in 10 pieces, MS milliseconds apart (default 100)
          huge=MB      the normal answer padded with whitespace to MB megabytes (default 50)
          repeat       the target&apos;s previous 200 answer again: same rows, same next cursor
          shift=K      the page starts K rows before the asked offset (LaunchDarkly,
                       SailPoint), so rows of the page before come again (default 5)
          total=N      the answer claims N rows in all (LaunchDarkly totalCount, SailPoint
                       X-Total-Count, Amperity total), whatever the list holds (default 10)
  WHEN    N (only the Nth request), firstN, everyN, afterN; none: every request
Each target numbers its own requests from 1, counted from when the faults are set.
When rules meet: latencies add up; the first status, body, delivery and shift rule wins;
a status fault beats repeat.
Example: launchdarkly:429@2,all:503@first3,sailpoint:drop@every4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::FilterBuilder</name>
    <message>
        <source>No conditions: every segment is listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This filter has nesting the rows cannot show; edit it as text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Or…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a condition that segments must meet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add alternative group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add another group of conditions; a segment may meet either group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter &amp;text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter as LaunchDarkly reads it: &apos;,&apos; is and, &apos;|&apos; is or. Enter applies it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. tags anyOf [&quot;beta&quot;],query equals &quot;toggle&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every condition and list all segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the segments that match (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Sort key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add sort key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by one more field, for segments that tie on the ones before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match all of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ And…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add condition to this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a condition that segments in this group must also meet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ascending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>descending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove sort key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this sort key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applied — Enter to apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter applied · 1 segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter applied · %1 segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the filter&apos;s conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fold the conditions into this line, or unfold them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid filter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — or — </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::FilterRow</name>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tags (Enter or comma after each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text in key, name or description (Enter to add another)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys (only these)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add segment keys (Enter or comma after each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys (all but these)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Big segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a big segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a synced segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the condition looks at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each field allows exactly one operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a big segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a synced segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 any of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::Http</name>
    <message>
        <source>Not a valid URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing plain HTTP to %1: use https:// (plain http:// is allowed only to this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported URL scheme &apos;%1&apos;: use https://</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::LaunchDarklyApi</name>
    <message>
        <source>Project key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LaunchDarkly&apos;s link to the next page points at another server; not following it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;_links&apos; is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;_links.next&apos; has no &apos;href&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 context)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty clause)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout: %1% of contexts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout: %1% of %2 contexts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, bucketed by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (all of these)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clauses: every context matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Included %1 contexts (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excluded %1 contexts (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Big segment (unbounded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Included (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excluded (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags using this segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LaunchDarkly has no listing &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LaunchDarkly&apos;s %1 are listed without a filter or sort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unused segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;nvironment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;List projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Big segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>false</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::LaunchDarklyEndpoint</name>
    <message>
        <source>Invalid access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You&apos;ve exceeded the API rate limit. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal server error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid LD-API-Version; use a date such as 20240415</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid resource identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit must be a positive integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offset must be a non-negative integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown project key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown environment key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forbidden. Access to the requested resource was denied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::MainWindow</name>
    <message>
        <source>Segment Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as c&amp;url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Segment Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Segment Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Segment Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the &amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in Loaded Rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These profiles are for this session only: their keys are kept in memory and forgotten when Segment Browser closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile yet.
Add a profile with the key of a %1 account to browse its segments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Segment Browser %1&lt;/h3&gt;&lt;p&gt;Browse, filter and export the segments of %2 accounts.&lt;/p&gt;&lt;p&gt;Keys are kept in the system keychain.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;All Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Syncs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hanges of the Last Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in All Segments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not switch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mpare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;dit Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (read only) — Segment Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Profiles from the Store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment &amp;Store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The segment store is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile has synced into this store yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 profiles: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their keys are not on this computer: their snapshots open read only. Add a key in File &gt; Profiles… to sync one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here already, and left as they are: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not imported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported, of a vendor this version does not know: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not at an address its vendor documents, so check it before you add a key: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::PageFetcher</name>
    <message>
        <source>The %1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 holds a line break; paste it again as one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key or header value contains a line break; it was not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply from %1 is larger than %2 MB; stopped reading it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure connection to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error talking to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No HTTP reply from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s next page does not move forward (offset %1); stopped to avoid a loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server said there are more segments but gave no cursor for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server returned a page cursor it had returned before; stopped to avoid a loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the server asks to wait %2 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (gave up after %2 tries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error getting an access token from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token reply from %1 is larger than %2 MB; stopped reading it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer the access token request in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent %1 empty pages in a row, each saying there were more; stopped rather than ask for ever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected the request and it was not followed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (gave up after %2 tries in %3 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory to read a reply of %1 MB from %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::PageStream</name>
    <message>
        <source>The server&apos;s pages no longer line up (offset %1); the list changed during the export. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent segment &quot;%1&quot; a second time: the list changed during the export. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent segment &quot;%1&quot; twice in one page. The export stopped rather than write it twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ProfileDialog</name>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available: keys are kept in memory for this session only and forgotten when Segment Browser closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profiles cannot be changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the new profile?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes to “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the profile “%1”? Its stored secret is deleted too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has no stored secret to copy; enter one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the %1s: %2 Type the %1 and %3 keys instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing the %1s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1 first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret is stored for this profile; enter one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;evert</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ProfileForm</name>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API root URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills in {tenant} in the API root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the stored one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to copy the one of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a vendor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named “%1” exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the API root URL, for example %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the tenant: the API root URL needs it in place of {tenant}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists the %1s and %2s the %3 reaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2s, %3 %4s: choose from the lists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ProfileList</name>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ProfileSession</name>
    <message>
        <source>%1. Keys you enter are kept in memory for this session only and forgotten when Segment Browser closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown vendor &apos;%1&apos; in profile &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the key for “%1” from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 is stored for “%2”.
Enter it in the profile to browse its segments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key for “%1” could not be read from the keychain.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile “%1” to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 is stored for “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ProfileStore</name>
    <message>
        <source>A profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile name must not start or end with a space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile name must be valid text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile name must not contain control characters or line breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile name can have at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; needs a vendor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 could not be read; its profiles are left as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 has an unknown profile format &quot;%2&quot;; its profiles are left as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 was written by a newer version of Segment Browser (profile format %2); profiles can be used but not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the profiles to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 of the profile &quot;%2&quot; contains a line break or another control character.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SailPointApi</name>
    <message>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a token reply without an access_token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a token reply whose expires_in is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All of these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any of these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 equals %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no operator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visibility criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SailPointEndpoint</name>
    <message>
        <source>Bad client credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT validation failed: JWT is expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request method not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is temporarily unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An internal fault occurred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing grant type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported grant type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT validation failed: JWT is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT validation failed: JWT is invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value &quot;%1&quot; of query parameter limit is invalid: it must be between 0 and 250.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value &quot;%1&quot; of query parameter offset is invalid: it must be 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value &quot;%1&quot; of query parameter count is invalid: it must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offset %1 is beyond the last result (there are %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SandboxServer</name>
    <message>
        <source>The sandbox cannot evaluate filters yet; leave out the filter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ScopeDiscovery</name>
    <message>
        <source>%1 profiles name their project themselves; there is nothing to discover</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ScopeSwitcher</name>
    <message>
        <source>The %1s could not be listed (%2): showing the %3 and %4 typed in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing the %1s…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SearchBar</name>
    <message>
        <source>Find in loaded rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in loaded rows (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No loaded row matches (of 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No loaded row matches (of %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 1 loaded row matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 loaded rows match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unused of %2 loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SecretStore</name>
    <message>
        <source>The key is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key contains a line break or a NUL character; paste it again without them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key was given for the secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key is stored under &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the keychain was denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read &quot;%1&quot; from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store &quot;%1&quot; in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove &quot;%1&quot; from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not use the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no pending secret request %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SegmentBrowser</name>
    <message>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew it in File &gt; Profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has no segments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No segments match the filter.
Change or clear the filter to see more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No segments could be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot sort on this column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not filter on the server; use Find (Ctrl+F) over the loaded rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied 1 row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied %1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the request as curl; set %1 to the key before running it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — showing the snapshot of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync failed — showing the snapshot of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unused only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the loaded segments no %2 use; scrolling loads more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not answered for %2 s; giving up in %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load All Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load every page of the list; the search looks at each as it comes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match for “%1” in the %2 segments loaded so far; loading the rest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No segment matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No loaded row matches “%1” (%2 of %3 segments are loaded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No loaded row matches “%1” (%2 segments are loaded; there are more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorting asks %1, which needs the profile&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtering asks %1, which needs the profile&apos;s key; use Find (Ctrl+F) over the snapshot&apos;s rows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SegmentStore</name>
    <message>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The segment store needs Qt&apos;s SQLite driver (Debian: libqt6sql6-sqlite), which is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the segment store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The segment store %1 cannot be read: %2. It was left as it is; move it aside to start a new one (your profiles and keys are not in it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The segment store %1 was written by a newer Segment Browser (schema %2; this one knows up to %3). It was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The segment store %1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The segment store %1 cannot be set up: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No snapshot of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write to the segment store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The segment store is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the segment store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The segment store is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stored segment cannot be read back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not search the segment store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That segment is no longer in the segment store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is stored for this profile; sync it first (Sync &gt; Sync Profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not one of the profile&apos;s successful syncs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That sync cannot be read back exactly: segment “%1” came back later, and the version that synced it did not keep the record it had</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start a sync in the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalog&apos;s user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is being synced into the catalog by another session; try again when it ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is being synced into the catalog by %2; try again when that sync ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A catalog on PostgreSQL needs Qt&apos;s PostgreSQL driver (Debian: libqt6sql6-psql), which is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not set up the segment store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the catalog %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog cannot be set up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SegmentTableModel</name>
    <message>
        <source>1 segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 loaded, more available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent segment &quot;%1&quot; a second time: the list changed while it was loading. Reload to start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 segment, as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 segments, as of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded %1 of %2, as of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many %1 use the segment (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 loaded, more available (the server&apos;s total of %2 is wrong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 segments (the server said %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — click to sort on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 are read from %2, which needs the profile&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SourcesPane</name>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syncing %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syncing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced: choose it and press Sync (Ctrl+R) to keep its segments here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last sync failed: %1
Showing the snapshot of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every synced segment of every profile, in one grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 segments, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare These Two</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare With…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare Last Two &amp;Syncs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::StoreDialog</name>
    <message>
        <source>On this co&amp;mputer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a &amp;team&apos;s catalog on PostgreSQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the server&apos;s &amp;certificate and name (sslmode=verify-full)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test Co&amp;nnection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalog.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in the keychain, never in the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use This Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where Segment Browser keeps every sync. A team&apos;s catalog is one database that a scheduled sync fills and every colleague reads; profiles without their key on this computer are read only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window was started with %1, which comes before this setting; the store chosen here is used now and from the next start without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User n&amp;ame:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the catalog&apos;s server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the catalog&apos;s database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server on this machine may be reached without checking its certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server on another machine is always reached over TLS that checks its certificate and name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: the catalog is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is ready.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::StoreLocation</name>
    <message>
        <source>A store is a file or a postgresql:// URL, not %1://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store URL holds a password: leave it out, and give it when Segment Browser asks, which keeps it in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store URL names no database: postgresql://host/database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store URL&apos;s “%1” is not one Segment Browser reads (sslmode, host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sslmode=%1 is not one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A catalog on another machine is reached with sslmode=verify-full, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store URL cannot be read; it looks like %1://host/database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file:// store URL names a file on this machine: file:///path/segments.sqlite</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::StoreSession</name>
    <message>
        <source>The segment store could not be opened, so nothing is remembered between sessions; segments are read live. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not synced: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced %1: %2 segments, the first snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced %1: %2 added, %3 removed, %4 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing %1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing 1 profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing %1 profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not been synced yet: Sync (Ctrl+R) keeps its first snapshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshots of %1 could not be removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshots of %1 could not be kept for %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synced %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only: this is the snapshot %1. This computer&apos;s keychain has no %2 for “%3”, so nothing is asked of %4; add it to the profile to filter, sort and sync live.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SyncRun</name>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SyncWriter</name>
    <message>
        <source>The segment store is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start a sync in the segment store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sync has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not keep the sync&apos;s segments: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync could not be saved; the previous snapshot is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile&apos;s snapshots were removed during the sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::TokenEdit</name>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::UsageWalk</name>
    <message>
        <source>%1 cannot say which segments are used</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::VendorApi</name>
    <message>
        <source>%1 does not exchange tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::VendorSupport</name>
    <message>
        <source>The profile has no base URL, which %1 needs (for example %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL is not a valid URL (replace placeholders such as {tenant} with your own value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL must be the API root only (for example %1), without a user name, query or fragment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile has no %1, which %2 needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must be a single line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot filter segments on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot sort segments on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot sort by &apos;%2&apos;; it sorts by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 holds a line break; paste it again as one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent an empty reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a reply that is not valid JSON (%2 at byte %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent no error message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent an error page instead of an API error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a page of an unexpected shape: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1 is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is missing or not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent the same page cursor again; stopping rather than looping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is %2 characters long; a request holds at most %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply is not a list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::Wording</name>
    <message>
        <source>%1 or %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::cli</name>
    <message>
        <source>Write every segment of an account (or of a filtered, sorted query) to CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a saved profile; its secret comes from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments per request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the file with a UTF-8 byte order mark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not prefix cells that a spreadsheet would run as formulas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV file to write, or - for standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--output FILE (or - for standard output) is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use either --profile or --vendor/--base-url, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no profile named &apos;%1&apos; (see: segment-browser profiles list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no secret for profile &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no secret: set SEGMENT_BROWSER_SECRET, or use --profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown vendor &apos;%1&apos; in profile &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--page-size must be a number from 1 to %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 segments to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a profile. The secret (API key, token or client secret) is read from standard input, never from the command line, and kept in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a profile named &apos;%1&apos; exists already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no usable keychain, so the secret was not stored anywhere: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added profile &apos;%1&apos; (%2); its secret is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: segment-browser profiles remove NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed column name &apos;%1&apos; in --columns: use field names such as %2 or owner.id, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server-side filter, in the vendor&apos;s filter language (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server-side sort (%1): fields by comma, - before one for descending, e.g. -lastModified,name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
The secret: with --profile, from the keychain; otherwise from the environment variable SEGMENT_BROWSER_SECRET (%1).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not filter on the server; --filter is for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not sort on the server; --sort is for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the profile&apos;s last synced snapshot (see: segment-browser sync), without any network access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--offline writes a saved profile&apos;s snapshot: name it with --profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 asks the vendor&apos;s server; it does not go with --offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2; %3 added, %4 removed, %5 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk every segment of each profile and keep it as the profile&apos;s snapshot in the local store, noting what changed since the last sync. A sync that fails leaves the previous snapshot as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A saved profile to sync (may be repeated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync every saved profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
One line per profile on standard error, e.g. &quot;prod: 1,234 segments; 3 added, 1 removed, 2 changed&quot;.
The store: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name the profiles with --profile NAME (one or more), or use --all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there are no profiles to sync (see: segment-browser profiles add)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2; the previous snapshot is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no snapshot yet: run segment-browser sync --profile &apos;%1&apos; first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 segments of the snapshot of %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write what the last sync of a profile changed against the sync before it, as CSV: change (added, removed, changed), key, name, and the content fields that changed, joined by &apos;;&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More columns after those, comma separated: any field of the vendor&apos;s record (the record after the change; a removed one&apos;s last).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV file to write, or - for standard output (the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--profile NAME is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile was removed, but not its snapshots: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the first sync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --offline: every synced profile&apos;s segments in one file, with vendor, account and environment columns (default columns: vendor,account,environment,key,name,description,tags,created,modified,last_changed; any field of the vendors&apos; records may be added).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--all-profiles reads the local store: add --offline (segment-browser sync --all brings it up to date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--all-profiles writes every profile: leave out --profile, --vendor and --base-url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 segments of every profile&apos;s snapshot to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 column: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved profile; its secret comes from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 profiles have no projects or environments to list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (this token may not list projects; profiles can name the %2 and %3 keys themselves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2: the keys of the %3 that use the segment, joined by ;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, or %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns in order, comma separated (default: the vendor&apos;s columns); any field of the vendor&apos;s record may be named, e.g. rules or owner.id%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 column: the last sync could not read the %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 column: the snapshot of &apos;%2&apos; has no %3 yet; sync it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A saved profile: give it twice, A then B. Secrets come from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the profiles&apos; last synced snapshots, without any network access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diff compares two profiles: --profile A --profile B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2 and &apos;%3&apos; is %4: only profiles of one vendor compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 only in %2, %3 only in %4, %5 different, %6 identical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List every project and environment a profile&apos;s access token reaches, as CSV (for vendors whose token reaches several).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync %1: %2 (segment-browser syncs --profile &apos;%3&apos; lists them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the segments of two profiles of one vendor (two environments, two accounts, or two syncs of one profile with --sync-a and --sync-b), by key, as CSV: status,key,name_a,name_b,fields. Identical segments are not listed. Exit code as diff(1): 0 no difference, 1 differences, 2 usage, 3 credentials refused, 4 other failure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read A as its sync ID left it, from the segment store (segment-browser syncs lists the IDs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same for B.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 takes a sync&apos;s ID, a number (segment-browser syncs --profile NAME lists them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted by %1; nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not answered for %2 s; giving up in %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync of %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the syncs of a profile kept in the segment store, newest first, as CSV: id, started, ended (UTC), outcome (succeeded, failed, cancelled), segments, added, removed, changed, error, and the machine and user that ran it. A succeeded sync&apos;s id is what diff --sync-a and --sync-b take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from --store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from SEGMENT_BROWSER_STORE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the settings; change it with: segment-browser store use URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local file; a team&apos;s catalog is chosen with: segment-browser store use postgresql://host/db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--store takes the store&apos;s URL or file: --store postgresql://host/db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. Keep the catalog&apos;s password in the keychain with: segment-browser store password %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: segment-browser store [show | use URL | password [URL]]

Which store the syncs and snapshots are kept in: the local file, or a team&apos;s catalog on
PostgreSQL that one scheduled sync fills and every colleague reads.

  show            the store in use, and where that choice comes from
  use URL         keep URL as the store from now on (checked first); &quot;use default&quot; goes
                  back to the local file
  password [URL]  read the catalog&apos;s password from standard input and keep it in the
                  keychain, once the catalog accepts it

URL: postgresql://user@host[:port]/database (never with a password in it); TLS that checks
the server&apos;s name (sslmode=verify-full) to anything but this machine. Every command also
takes --store URL, and SEGMENT_BROWSER_STORE names a store for a whole session or job.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password for it is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its password is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is now %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file: only a catalog on PostgreSQL has a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password was not kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of %1 is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name the store: segment-browser store use postgresql://host/db (or: use default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown store command &apos;%1&apos; (show, use, password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:
  segment-browser [--demo]                 open the window (--demo: on the built-in sandbox)
  segment-browser --demo --demo-data faults   the sandbox&apos;s awkward test corpus instead
  segment-browser export ...               write every segment to CSV (export --help)
  segment-browser profiles list            list profiles (never their secrets)
  segment-browser profiles add ...         add a profile; the secret is read from standard input
  segment-browser profiles remove NAME     remove a profile and its keychain entry
  segment-browser profiles import --from-store   take the profiles that sync into the store (a team&apos;s catalog), without their keys
  segment-browser sync (--profile NAME)... | --all   keep a snapshot of each profile (sync --help)
  segment-browser changes --profile NAME   what the last sync changed, as CSV (changes --help)
  segment-browser syncs --profile NAME     the profile&apos;s syncs, newest first, as CSV (syncs --help)
  segment-browser environments --profile NAME   the projects and environments a LaunchDarkly token reaches, as CSV
  segment-browser diff --profile A --profile B   the segments that differ, as CSV (diff --help)
  segment-browser store [use URL | password]   the local file or a team&apos;s catalog on PostgreSQL (store --help)
  segment-browser --version | --help

Every command that keeps or reads snapshots takes --store URL (or SEGMENT_BROWSER_STORE).

Exit codes: 0 done; 2 usage or bad input; 3 the vendor refused the credentials; 4 any other failure; diff says 1 when the profiles differ.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown profiles command &apos;%1&apos; (list, add, remove, import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profiles import takes --from-store: the profiles that sync into the store (name another store with --store URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not imported: this Segment Browser does not know the vendor &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a profile of that name is here already; it was left as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not imported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile has synced into %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their keys are not on this computer: their snapshots can be browsed, searched, compared and exported offline; add a key in the window (File &gt; Profiles…) to sync one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: imported (%2 at %3, last synced %4%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: its address is not one %2 documents; check it before you add a key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::cli::ConnectionOptions</name>
    <message>
        <source>Vendor: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API root URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--vendor is required (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown vendor &apos;%1&apos; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs --%2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs --base-url (for example %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be one line, without line breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 is not a setting of %2 profiles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ldfilter::Parser</name>
    <message>
        <source>parentheses are nested more than %1 deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos;, &apos;|&apos; or the end of the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a field (%1) or &apos;(&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an operator for &apos;%1&apos; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true, false or nothing after &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false after &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string or a list of strings after &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list of strings after &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected \u%1 instead of a control character in the string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one of \&quot; \\ \/ \b \f \n \r \t \uXXXX after &apos;\&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected four hexadecimal digits after \u</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos;, &apos;|&apos; or &apos;)&apos; to close the &apos;(&apos; at character %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; to close the &apos;[&apos; at character %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;&quot;&apos; to close the string at character %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ldfilter::Scanner</name>
    <message>
        <source>%1, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at character %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ldfilter::SortParser</name>
    <message>
        <source>&apos;%1&apos; is already in the sort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or the end of the sort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a sort field (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
