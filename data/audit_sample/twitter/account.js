window.YTD.account.part0 = [
  {
    "account": {
      "username": "NorthfieldInst",
      "accountId": "100000001"
    }
  }
]
