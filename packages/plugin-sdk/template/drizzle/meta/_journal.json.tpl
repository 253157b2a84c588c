{
  "version": "7",
  "dialect": "postgresql",
  "entries": [
    {
      "idx": 0,
      "version": "7",
      "when": 1796140280533,
      "tag": "0000_init",
      "breakpoints": true
    }
  ]
}