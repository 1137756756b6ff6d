window.YTD.following.part0 = [
  {
    "following": {
      "accountId": "1234567890",
      "userLink": "https://x.com/intent/user?user_id=1234567890"
    }
  },
  {
    "following": {
      "accountId": "44196397",
      "userLink": "https://x.com/intent/user?user_id=44196397"
    }
  },
  {
    "following": {
      "accountId": "783214",
      "userLink": "https://x.com/intent/user?user_id=783214"
    }
  }
]
