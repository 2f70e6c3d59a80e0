// Kolo: check-in at the door. Enhances the plain form (which works without this file):
// after htmx swaps in a result, the code field is cleared and focused for the next code; the
// "Scan with camera" button reads a QR code with the browser's BarcodeDetector where present,
// else with the vendored jsQR decoder (loaded only when first needed).
(function () {
  "use strict";
  var form = document.getElementById("checkin-form");
  if (!form) { return; }
  var input = document.getElementById("f-code");
  var scan = document.getElementById("scan");
  var stop = document.getElementById("scan-stop");
  var status = document.getElementById("scan-status");
  var video = document.getElementById("scanner");
  var stream = null;
  var timer = null;

  function ready() { input.value = ""; input.focus(); }

  document.body.addEventListener("htmx:afterRequest", function (e) {
    if (e.detail && e.detail.elt === form) { ready(); }
  });
  document.body.addEventListener("htmx:afterSwap", function (e) {
    if (e.detail && e.detail.target && e.detail.target.id === "checkin-result") { input.focus(); }
  });

  function submit(code) {
    input.value = code;
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }

  function loadDecoder() {
    return new Promise(function (resolve, reject) {
      if (window.jsQR) { resolve(window.jsQR); return; }
      var s = document.createElement("script");
      s.src = scan.getAttribute("data-decoder");
      s.onload = function () { resolve(window.jsQR); };
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }

  function finish() {
    if (timer) { clearTimeout(timer); timer = null; }
    if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; }
    video.hidden = true; stop.hidden = true; status.hidden = true; scan.hidden = false;
  }

  function detector() {
    if ("BarcodeDetector" in window) {
      var d = new window.BarcodeDetector({ formats: ["qr_code"] });
      return Promise.resolve(function () {
        return d.detect(video).then(function (codes) { return codes.length ? codes[0].rawValue : null; });
      });
    }
    return loadDecoder().then(function (jsQR) {
      var canvas = document.createElement("canvas");
      var ctx = canvas.getContext("2d", { willReadFrequently: true });
      return function () {
        var w = video.videoWidth, h = video.videoHeight;
        if (!w || !h) { return Promise.resolve(null); }
        canvas.width = w; canvas.height = h;
        ctx.drawImage(video, 0, 0, w, h);
        var found = jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: "dontInvert" });
        return Promise.resolve(found ? found.data : null);
      };
    });
  }

  function start() {
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (s) {
        stream = s;
        video.srcObject = s;
        video.hidden = false; stop.hidden = false; status.hidden = false; scan.hidden = true;
        return video.play().then(detector);
      })
      .then(function (read) {
        function tick() {
          if (!stream) { return; }
          read().then(function (code) {
            if (code) { finish(); submit(code.trim()); } else { timer = setTimeout(tick, 200); }
          }, function () { timer = setTimeout(tick, 400); });
        }
        tick();
      })
      .catch(function () { finish(); });
  }

  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia && scan) {
    scan.hidden = false;
    scan.addEventListener("click", start);
    stop.addEventListener("click", function () { finish(); input.focus(); });
  }
})();
