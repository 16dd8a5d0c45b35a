// 领导驾驶舱: draws the charts from the page's data and redraws tiles and charts when the history moves on.
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('dashboard-config').textContent);
  var t = D.text;
  var YI = 1e8, WAN = 1e4;
  var charts = {};

  function num(v) { return v === null || v === undefined ? 0 : Number(v); }
  function round2(v) { return Math.round(v * 100) / 100; }
  function pct(r) { return r === null || r === undefined ? '—' : Math.round(Number(r) * 1000) / 10 + '%'; }

  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init(document.getElementById(id)); }
    return charts[id];
  }

  function drawMonthly(months) {
    chart('chart-monthly').setOption({
      tooltip: { trigger: 'axis' },
      // one scrolling line of legend above the axes' units, so that on a phone it never covers them
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map(function (m) { return t.month.replace('{0}', m.month); }) },
      yAxis: [{ type: 'value', name: t.yi.trim(), nameTextStyle: { align: 'left' } },
        { type: 'value', name: t.wanUsd.trim(), nameTextStyle: { align: 'right' } }],
      series: [
        { name: t.contract, type: 'bar', data: months.map(function (m) { return round2(num(m.contractInvestmentCny) / YI); }) },
        { name: t.contractCumulative, type: 'line', data: months.map(function (m) { return round2(num(m.cumulativeContractInvestmentCny) / YI); }) },
        { name: t.foreign, type: 'bar', yAxisIndex: 1, data: months.map(function (m) { return round2(num(m.foreignCapitalArrivedUsd) / WAN); }) },
        { name: t.foreignCumulative, type: 'line', yAxisIndex: 1, data: months.map(function (m) { return round2(num(m.cumulativeForeignCapitalArrivedUsd) / WAN); }) }
      ]
    }, true);
  }

  function drawIndustries(shares) {
    chart('chart-industries').setOption({
      tooltip: { trigger: 'item', formatter: '{b}: {c}' + t.yi + ' ({d}%)' },
      series: [{
        type: 'pie', radius: ['35%', '70%'],
        data: shares.map(function (s) {
          return { name: (D.industries[s.industry] || s.industry) + ' (' + s.projects + ')', value: round2(num(s.contractInvestmentCny) / YI) };
        })
      }]
    }, true);
  }

  function drawPipeline(p) {
    chart('chart-pipeline').setOption({
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [{
        type: 'funnel', sort: 'none', left: '10%', width: '80%', label: { show: true, position: 'inside', formatter: '{b} {c}' },
        data: [
          { name: t.signed, value: p.signed },
          { name: t.landed, value: p.landed },
          { name: t.production, value: p.inProduction }
        ]
      }]
    }, true);
    var days = function (v) { return v === null || v === undefined ? '—' : v + t.days; };
    document.getElementById('rates').textContent = [
      t.fulfilment + ' ' + pct(p.fulfilmentRate), t.landing + ' ' + pct(p.landingRate),
      t.productionRate + ' ' + pct(p.productionRate), t.capital + ' ' + pct(p.capitalArrivalRate),
      t.medianLanding + ' ' + days(p.medianDaysSignedToLanded), t.medianProduction + ' ' + days(p.medianDaysLandedToProduction)
    ].join(' · ');
  }

  function drawCity(city, zoneId) {
    var zones = city.zones.slice().reverse();
    chart('chart-city').setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 48, top: 10, bottom: 30, containLabel: true },
      xAxis: { type: 'value', name: t.wanUsd.trim(), nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', data: zones.map(function (z) { return t.rank.replace('{0}', z.foreignCapitalRank) + ' ' + z.name; }) },
      series: [{
        type: 'bar', label: { show: true, position: 'right' },
        data: zones.map(function (z) {
          return { value: round2(num(z.foreignCapitalArrivedUsd) / WAN), itemStyle: { color: z.zoneId === zoneId ? '#c23531' : '#5470c6' } };
        })
      }]
    }, true);
  }

  function showTiles(tiles) {
    tiles.forEach(function (tile) {
      var el = document.getElementById('tile-' + tile.key);
      if (!el) { return; }
      el.querySelector('.label').textContent = tile.label;
      el.querySelector('.value').textContent = tile.value;
      el.querySelector('.unit').textContent = tile.unit;
      el.querySelector('.note').textContent = tile.note;
      el.querySelector('.remark').textContent = tile.remark;
      el.classList.remove('above', 'short');
      if (tile.tone) { el.classList.add(tile.tone); }
    });
  }

  function showFlagged(flagged) {
    var body = document.querySelector('#flagged tbody');
    body.textContent = '';
    (flagged || []).forEach(function (f) {
      var row = document.createElement('tr');
      row.className = 'warning-' + f.colour.toLowerCase();
      var cells = [t[f.colour], null, t[f.kind], f.since, String(f.daysOverdue)];
      cells.forEach(function (text, i) {
        var cell = document.createElement('td');
        if (i === 1) {
          var link = document.createElement('a');
          link.href = t.projectLink + encodeURIComponent(f.projectId);
          link.textContent = f.name;
          cell.appendChild(link);
        } else {
          cell.textContent = text;
        }
        if (i === 4) { cell.className = 'num'; }
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    document.getElementById('flagged-none').style.display = flagged && flagged.length ? 'none' : '';
    document.getElementById('flagged').style.display = flagged && flagged.length ? '' : 'none';
  }

  function draw(data) {
    showFlagged(data.flagged);
    drawMonthly(data.monthly);
    drawIndustries(data.industries);
    drawPipeline(data.pipeline);
    drawCity(data.city, data.zoneId);
  }

  function refresh() {
    fetch(D.source, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || data.position === D.data.position) { return; }
        D.data = data;
        showTiles(data.tiles);
        draw(data);
        document.getElementById('asof-line').textContent =
          t.asOfLine.replace('{0}', data.asOf).replace('{1}', data.position);
        var live = document.getElementById('live');
        live.textContent = t.updated + ' ' + new Date().toLocaleTimeString();
      })
      .catch(function () { /* the next poll tries again */ });
  }

  draw(D.data);
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  setInterval(refresh, 5000);
})();
