/**
 * The demo page's HTML: static; its script (demo/browser/demo.ts, served as /demo.js) fills it in. English until
 * a language is picked.
 */
export const DEMO_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>DermEdge — preliminary skin check</title>
<link rel="stylesheet" href="/demo.css">
<link rel="icon" href="data:,">
<script type="module" src="/demo.js"></script>
</head>
<body>
<header>
  <h1 data-i18n="title">Preliminary skin check</h1>
  <p class="note" data-i18n="intro">A demo of the DermEdge API. It is not a diagnosis: see a doctor about anything that worries you.</p>
  <p id="emergency-line" class="emergency-line" data-i18n="emergencyLine">In an emergency, such as trouble breathing or a swelling face or tongue, call 112, 911 or 999 now.</p>
</header>
<main>
  <form id="assess-form" novalidate>
    <fieldset>
      <legend data-i18n="photoLegend">Photo of the skin</legend>
      <div class="pickers">
        <label class="button" for="photo"><span data-i18n="choosePhoto">Choose a photo</span></label>
        <input id="photo" name="image" type="file" accept="image/jpeg,image/png,image/webp" class="visually-hidden">
        <label class="button" for="camera"><span data-i18n="takePhoto">Take a photo</span></label>
        <input id="camera" type="file" accept="image/*" capture="environment" class="visually-hidden">
      </div>
      <p id="photo-name" class="hint" data-i18n="noPhotoYet" aria-live="polite">No photo chosen yet.</p>
      <img id="preview" alt="" hidden>
    </fieldset>
    <label for="text" data-i18n="textLabel">Describe it in your own words (optional)</label>
    <textarea id="text" name="text" rows="4" maxlength="1000" aria-describedby="text-hint"></textarea>
    <p id="text-hint" class="hint" data-i18n="textHint">For example: itchy red patch for 3 days. At most 1000 characters.</p>
    <label for="lang" data-i18n="langLabel">Language of the answer</label>
    <select id="lang" name="lang">
      <option value="en">English</option>
      <option value="zh" lang="zh">中文</option>
    </select>
    <details>
      <summary data-i18n="keySummary">API key (only if the server asks for one)</summary>
      <label for="api-key" data-i18n="keyLabel">API key</label>
      <input id="api-key" type="password" autocomplete="off" spellcheck="false">
    </details>
    <button id="submit" type="submit" data-i18n="submit">Check my skin</button>
  </form>
  <p id="status" role="status" aria-live="polite"></p>
  <div id="error" role="alert" hidden></div>
  <section id="result" aria-labelledby="result-heading" tabindex="-1" hidden>
    <h2 id="result-heading" class="visually-hidden" data-i18n="resultHeading">Result</h2>
    <p id="triage" class="triage"></p>
    <p id="photo-problem" class="photo-problem" hidden></p>
    <p id="why" class="hint"></p>
    <form id="questions" hidden>
      <fieldset>
        <legend data-i18n="questionsHeading">A few questions that could change the advice</legend>
        <p class="hint" data-i18n="questionsHint">Answer what you can (not sure is fine), then update the answer. Unanswered questions change nothing.</p>
        <div id="question-list"></div>
        <button id="reassess" type="submit" data-i18n="reassess">Update the answer</button>
      </fieldset>
    </form>
    <p id="summary"></p>
    <h3 id="findings-heading" data-i18n="findingsHeading">Possible matches</h3>
    <ol id="findings" aria-labelledby="findings-heading"></ol>
    <h3 id="advice-heading" data-i18n="adviceHeading">Advice</h3>
    <ul id="advice"></ul>
    <p id="symptoms" class="hint"></p>
    <p id="disclaimer" class="note"></p>
    <p id="model" class="hint"></p>
  </section>
</main>
<footer><a href="/docs" data-i18n="docsLink">API documentation</a></footer>
</body>
</html>
`;
