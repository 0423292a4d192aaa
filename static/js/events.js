/* Events: times in the viewer's zone, confirmations, and the QR scanner at check-in. No inline script (CSP). */
(function () {
  "use strict";

  // <time data-local datetime="..."> shows the server's zone until the browser rewrites it into its own.
  function showLocalTimes() {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    var lang = document.documentElement.lang || undefined;
    var format = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" });
    document.querySelectorAll("time[data-local]").forEach(function (el) {
      var when = new Date(el.getAttribute("datetime"));
      if (!isNaN(when.getTime())) { el.textContent = format.format(when); }
    });
    document.querySelectorAll("[data-local-row]").forEach(function (row) {
      // Same clock as the event (zone names have aliases, e.g. Asia/Calcutta): nothing to add.
      if (sameClock(row, lang, format)) { row.hidden = true; return; }
      row.querySelectorAll("[data-local-zone]").forEach(function (el) { el.textContent = zoneName(lang, row, zone); });
    });
  }

  // A readable name in the page's language ("Eastern Standard Time", "アメリカ東部標準時"),
  // never the raw identifier ("America/New_York").
  function zoneName(lang, row, zone) {
    var first = row.querySelector("time[data-local]");
    var when = first ? new Date(first.getAttribute("datetime")) : new Date();
    try {
      var parts = new Intl.DateTimeFormat(lang, { timeZoneName: "long" }).formatToParts(when);
      for (var i = 0; i < parts.length; i++) {
        if (parts[i].type === "timeZoneName") { return parts[i].value; }
      }
    } catch (e) { /* fall through */ }
    return zone;
  }

  function sameClock(row, lang, localFormat) {
    var eventFormat;
    try {
      eventFormat = new Intl.DateTimeFormat(lang, {
        dateStyle: "medium", timeStyle: "short", timeZone: row.getAttribute("data-event-zone")
      });
    } catch (e) { return false; }
    var times = row.querySelectorAll("time[data-local]");
    for (var i = 0; i < times.length; i++) {
      var when = new Date(times[i].getAttribute("datetime"));
      if (isNaN(when.getTime()) || eventFormat.format(when) !== localFormat.format(when)) { return false; }
    }
    return times.length > 0;
  }

  function confirmDangerousButtons() {
    document.querySelectorAll("button[data-confirm]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        if (!window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); }
      });
    });
  }

  // Check-in: use the camera through BarcodeDetector where the browser has it; the text field always works.
  function setUpScanner() {
    var form = document.getElementById("check-in-form");
    var button = document.getElementById("check-in-scan");
    var video = document.getElementById("check-in-video");
    var status = document.getElementById("check-in-scan-status");
    var input = document.getElementById("check-in-code");
    if (!form || !button || !video || !input) { return; }
    if (!("BarcodeDetector" in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { return; }
    button.hidden = false;
    var stream = null;
    var detector = null;
    try { detector = new window.BarcodeDetector({ formats: ["qr_code"] }); } catch (e) { button.hidden = true; return; }

    function stop() {
      if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); stream = null; }
      video.hidden = true;
    }

    function scan() {
      if (!stream) { return; }
      detector.detect(video).then(function (codes) {
        if (codes.length && codes[0].rawValue) {
          input.value = codes[0].rawValue;
          stop();
          form.submit();
        } else {
          window.setTimeout(scan, 250);
        }
      }).catch(function () { window.setTimeout(scan, 500); });
    }

    button.addEventListener("click", function () {
      status.textContent = form.getAttribute("data-msg-looking");
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
        .then(function (s) {
          stream = s;
          video.srcObject = s;
          video.hidden = false;
          return video.play();
        })
        .then(scan)
        .catch(function () {
          stop();
          status.textContent = form.getAttribute("data-msg-failed");
          input.focus();
        });
    });
  }

  function start() {
    showLocalTimes();
    confirmDangerousButtons();
    setUpScanner();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
