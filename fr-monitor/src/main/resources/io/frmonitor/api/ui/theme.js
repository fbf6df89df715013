// fr-monitor dashboard: the theme the user chose (dark or light), set before the page is drawn;
// without a choice the page follows the system's preference (style.css). app.js has the switch.
(() => {
  'use strict';
  const chosen = localStorage.getItem('frmonitor.theme');
  if (chosen === 'dark' || chosen === 'light') document.documentElement.dataset.theme = chosen;
})();
