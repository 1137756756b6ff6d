window.YTD.follower.part0 = [
  {
    "follower": {
      "accountId": "1234567890",
      "userLink": "https://twitter.com/intent/user?user_id=1234567890"
    }
  },
  {
    "follower": {
      "accountId": "987654321",
      "userLink": "https://twitter.com/intent/user?user_id=987654321"
    }
  },
  {
    "follower": {
      "accountId": "1500000000000000001",
      "userLink": "https://twitter.com/intent/user?user_id=1500000000000000001"
    }
  }
]
