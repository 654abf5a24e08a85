// The staff menu as a disclosure on small screens (WAI-ARIA disclosure pattern). Without
// JavaScript the menu simply stays open and wraps.
(function () {
  var knop = document.querySelector(".kop__menuknop");
  var menu = document.getElementById("hoofdmenu");
  if (!knop || !menu) return;
  var smal = window.matchMedia("(max-width: 48rem)");
  function zet(open) {
    knop.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("is-dicht", !open);
  }
  function pasAan() {
    knop.hidden = !smal.matches;
    zet(!smal.matches);
  }
  knop.addEventListener("click", function () {
    zet(knop.getAttribute("aria-expanded") !== "true");
  });
  smal.addEventListener("change", pasAan);
  pasAan();
})();

// A table wider than the screen scrolls sideways; make it reachable by keyboard (WCAG 2.1.1).
(function () {
  function markeer() {
    document.querySelectorAll("table.utrecht-table").forEach(function (tabel) {
      if (tabel.scrollWidth > tabel.clientWidth + 1) {
        tabel.setAttribute("tabindex", "0");
      } else {
        tabel.removeAttribute("tabindex");
      }
    });
  }
  window.addEventListener("resize", markeer);
  markeer();
})();
